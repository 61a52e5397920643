import type { AssignableRole, InvitationRole, Role } from "../../src/policy";

/**
 * A small in-memory model of the product's rules, written plainly from the spec
 * (not from the policy code) so it can disagree with it.
 */
export type ModelMember = {
  memberId: string;
  userId: string;
  username: string;
  email: string;
  role: Role;
  status: "ACTIVE" | "REMOVED";
};
export type ModelInvitation = {
  id: string;
  email: string;
  username: string;
  role: InvitationRole;
  status: "PENDING" | "ACCEPTED" | "REVOKED";
  expiresAt: number;
  inviterMemberId: string;
  token: string;
  oldTokens: string[];
};
export type ModelTransfer = {
  id: string;
  fromMemberId: string;
  toMemberId: string;
  token: string;
  expiresAt: number;
};

export type Model = {
  now: number;
  members: ModelMember[];
  invitations: ModelInvitation[];
  transfer: ModelTransfer | null;
  oldTransferTokens: string[];
  auditEvents: number;
};

const adminLike = (role: Role) => role === "OWNER" || role === "ADMIN";
export const isActiveAdmin = (m: ModelMember) => m.status === "ACTIVE" && adminLike(m.role);
const adminLikeCount = (model: Model) => model.members.filter(isActiveAdmin).length;

/** R9, R10: active members and pending, unexpired invitations (other than `except`) reserve. */
function conflicts(model: Model, email: string, username: string, except?: ModelInvitation) {
  const open = model.invitations.filter(
    (i) => i !== except && i.status === "PENDING" && model.now < i.expiresAt,
  );
  const active = model.members.filter((m) => m.status === "ACTIVE");
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  return (
    active.some((m) => same(m.email, email) || same(m.username, username)) ||
    open.some((i) => same(i.email, email) || same(i.username, username))
  );
}

export function canInvite(
  model: Model,
  actor: ModelMember,
  email: string,
  username: string,
): boolean {
  return isActiveAdmin(actor) && !conflicts(model, email, username);
}

/** R12: pending or expired, and still free of conflicts (R10), by an active admin. */
export function canResend(model: Model, actor: ModelMember, invitation: ModelInvitation) {
  return (
    isActiveAdmin(actor) &&
    invitation.status === "PENDING" &&
    !conflicts(model, invitation.email, invitation.username, invitation)
  );
}

export function canAccept(model: Model, invitation: ModelInvitation, token: string): boolean {
  const inviter = model.members.find((m) => m.memberId === invitation.inviterMemberId);
  return (
    token === invitation.token &&
    invitation.status === "PENDING" &&
    model.now < invitation.expiresAt &&
    !model.members.some(
      (m) => m.status === "ACTIVE" && m.email.toLowerCase() === invitation.email.toLowerCase(),
    ) &&
    !model.members.some((m) => m.status === "ACTIVE" && m.username === invitation.username) &&
    inviter !== undefined &&
    isActiveAdmin(inviter)
  );
}

export function canChangeRole(
  model: Model,
  actor: ModelMember,
  target: ModelMember,
  role: AssignableRole,
) {
  if (!isActiveAdmin(actor) || target.status !== "ACTIVE" || target.role === "OWNER") return false;
  if (role === target.role) return false;
  return !(adminLike(target.role) && !adminLike(role) && adminLikeCount(model) <= 1);
}

export function canRemove(model: Model, actor: ModelMember, target: ModelMember) {
  if (!isActiveAdmin(actor) || actor.memberId === target.memberId) return false;
  if (target.status !== "ACTIVE" || target.role === "OWNER") return false;
  return !(adminLike(target.role) && adminLikeCount(model) <= 1);
}

const isActiveOwner = (m: ModelMember) => m.status === "ACTIVE" && m.role === "OWNER";

export function canStartTransfer(actor: ModelMember, target: ModelMember) {
  return (
    isActiveOwner(actor) &&
    actor.memberId !== target.memberId &&
    target.status === "ACTIVE" &&
    (target.role === "ADMIN" || target.role === "USER")
  );
}

export function canConfirm(model: Model, actor: ModelMember, token: string) {
  const transfer = model.transfer;
  if (!transfer || token !== transfer.token || !isActiveOwner(actor)) return false;
  if (transfer.fromMemberId !== actor.memberId || model.now >= transfer.expiresAt) return false;
  const target = model.members.find((m) => m.memberId === transfer.toMemberId);
  return target !== undefined && canStartTransfer(actor, target);
}

export function canCancel(model: Model, actor: ModelMember) {
  return isActiveOwner(actor) && model.transfer !== null;
}
