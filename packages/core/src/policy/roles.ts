import { en } from "../messages/en";
/** Every role of an organization member, from most to least powerful (R1). */
export const ROLES = ["OWNER", "ADMIN", "USER", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];

/** Roles an invitation may carry: OWNER arrives only through a transfer (R8). */
export const INVITATION_ROLES = ["USER", "ADMIN", "VIEWER"] as const satisfies readonly Role[];
export type InvitationRole = (typeof INVITATION_ROLES)[number];

/** Roles a role change may set: nobody becomes OWNER that way (R17, R19). */
export const ASSIGNABLE_ROLES = ["ADMIN", "USER", "VIEWER"] as const satisfies readonly Role[];
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

export const MEMBER_STATUSES = ["ACTIVE", "REMOVED"] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Why a member is REMOVED: an admin removed them, or they left the organization. */
export const REMOVAL_REASONS = ["REMOVED", "LEFT", "DELETED"] as const;
export type RemovalReason = (typeof REMOVAL_REASONS)[number];

export const ADMIN_LIKE_ROLES = ["OWNER", "ADMIN"] as const satisfies readonly Role[];

export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

/** OWNER or ADMIN (R1). */
export function isAdminLike(role: Role): boolean {
  return (ADMIN_LIKE_ROLES as readonly Role[]).includes(role);
}

/** What each role allows, in the product guide's words (the English catalogue's `common.roleDescriptions`). */
export const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = en.common.roleDescriptions;
