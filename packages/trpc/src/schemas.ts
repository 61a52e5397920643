import { MEMBER_STATUSES, ROLES } from "@orgkit/core/policy";
import { z } from "zod";

// Shapes only: the policy judges the values, so its reasons reach the user in the
// guide's words (an OWNER invitation says why, instead of "invalid enum value").
const id = z.string().min(1).max(64);
const cursor = z.string().min(1).max(256).optional();
const limit = z.number().int().min(1).max(100).optional();
// tRPC's infinite queries send the direction they page in; lists page forward only.
const direction = z.enum(["forward", "backward"]).optional();

export const activateInput = z.strictObject({ name: z.string().max(256) });
export const permissionsInput = z.strictObject({
  memberIds: z.array(id).max(100).default([]),
  invitationIds: z.array(id).max(100).default([]),
});
export const listMembersInput = z
  .strictObject({
    search: z.string().max(100).optional(),
    role: z.enum(ROLES).optional(),
    status: z.enum(MEMBER_STATUSES).optional(),
    cursor,
    limit,
    direction,
  })
  .default({});
export const memberInput = z.strictObject({ memberId: id });
export const changeRoleInput = z.strictObject({ memberId: id, role: z.enum(ROLES) });
export const inviteInput = z.strictObject({
  email: z.string().max(320),
  username: z.string().max(64),
  role: z.enum(ROLES),
});
export const listInvitationsInput = z
  .strictObject({ scope: z.enum(["PENDING", "ALL"]).optional(), cursor, limit, direction })
  .default({});
export const invitationInput = z.strictObject({ invitationId: id });
export const tokenInput = z.strictObject({ token: z.string().min(1).max(128) });
export const listAuditInput = z.strictObject({ cursor, limit, direction }).default({});
