import { describe, expect, it } from "vitest";
import {
  checkEmail,
  checkUsername,
  DELETION_TTL_MS,
  decideAcceptance,
  decideActivation,
  decideDeleteOrganization,
  decideDeletionCancellation,
  decideDeletionConfirmation,
  decideDeletionStart,
  decideInvite,
  decideRemoval,
  decideResend,
  decideRevoke,
  decideRoleChange,
  decideTransfer,
  decideTransferCancellation,
  decideTransferConfirmation,
  decideUserManagement,
  invitationStatus,
  inviteFieldErrors,
  type MemberFacts,
  normalizeUsername,
  type Role,
} from "../../src/policy";

const member = (id: string, role: Role, status: "ACTIVE" | "REMOVED" = "ACTIVE"): MemberFacts => ({
  id,
  role,
  status,
});
const owner = member("o", "OWNER");
const admin = member("a", "ADMIN");
const user = member("u", "USER");
const viewer = member("v", "VIEWER");
const removedUser = member("r", "USER", "REMOVED");
const reason = (d: { allowed: boolean; reason?: string }) => (d.allowed ? "OK" : d.reason);

describe("access", () => {
  it("R3 user management needs OWNER or ADMIN", () => {
    expect(reason(decideUserManagement(owner))).toBe("OK");
    expect(reason(decideUserManagement(admin))).toBe("OK");
    expect(reason(decideUserManagement(user))).toBe("ADMIN_ACCESS_REQUIRED");
    expect(reason(decideUserManagement(viewer))).toBe("ADMIN_ACCESS_REQUIRED");
  });
  it("R6 personal mode must activate first; R25 a removed member has no access", () => {
    expect(reason(decideUserManagement(null))).toBe("ORGANIZATION_NOT_ACTIVE");
    expect(reason(decideUserManagement(member("x", "ADMIN", "REMOVED")))).toBe(
      "MEMBERSHIP_REMOVED",
    );
  });
});

describe("activation", () => {
  const ok = { actor: null, name: "Acme", nameTaken: false };
  it("R5 a free valid name in personal mode is allowed", () => {
    expect(reason(decideActivation(ok))).toBe("OK");
  });
  it("R5 refuses an invalid or taken name; R7 refuses a second organization", () => {
    expect(reason(decideActivation({ ...ok, name: "A" }))).toBe("ORGANIZATION_NAME_INVALID");
    expect(reason(decideActivation({ ...ok, nameTaken: true }))).toBe("ORGANIZATION_NAME_TAKEN");
    expect(reason(decideActivation({ ...ok, actor: owner }))).toBe("ALREADY_IN_ORGANIZATION");
    // R7: a removed membership is history; the account is back in personal mode.
    expect(reason(decideActivation({ ...ok, actor: removedUser }))).toBe("OK");
  });
});

describe("invite", () => {
  const ok = {
    actor: admin,
    email: "new@example.test",
    username: "new.user",
    role: "USER",
    emailRegistered: false,
    emailInvited: false,
    usernameTaken: false,
  };
  it("R8 USER, ADMIN and VIEWER are invitable; OWNER is not", () => {
    for (const role of ["USER", "ADMIN", "VIEWER"])
      expect(reason(decideInvite({ ...ok, role }))).toBe("OK");
    expect(reason(decideInvite({ ...ok, role: "OWNER" }))).toBe("OWNER_NOT_INVITABLE");
    expect(reason(decideInvite({ ...ok, role: "ROOT" }))).toBe("ROLE_INVALID");
  });
  it("R9 the email must be valid, not registered and not invited", () => {
    expect(reason(decideInvite({ ...ok, email: "not-an-email" }))).toBe("EMAIL_INVALID");
    expect(reason(decideInvite({ ...ok, emailRegistered: true }))).toBe("EMAIL_ALREADY_USED");
    expect(reason(decideInvite({ ...ok, emailInvited: true }))).toBe("EMAIL_ALREADY_USED");
    // R39: valid as the WHATWG HTML standard defines it (a dotless domain is valid there).
    for (const good of ["a@b.co", "first.last+tag@sub.example.org", "a@b", "o'neil@x-y.de"])
      expect(checkEmail(good).allowed).toBe(true);
    const invalid = [
      "",
      "a b@c.de",
      "@c.de",
      "a@@c.de",
      "a@.de",
      "a@-x.de",
      "a@x-.de",
      "a\u0000@c.de",
    ];
    // Non-ASCII, which could be typed in two ways that look alike, is not an address here.
    invalid.push(
      "jose\u0301@example.test",
      "jos\u00e9@example.test",
      "a@exämple.de",
      "a@c.de\u200b",
    );
    for (const bad of invalid) {
      expect(checkEmail(bad)).toEqual({ allowed: false, reason: "EMAIL_INVALID" });
    }
  });
  it("R10 the username is 3–32 of a-z 0-9 . _ - and free in the organization", () => {
    expect(reason(decideInvite({ ...ok, usernameTaken: true }))).toBe("USERNAME_ALREADY_USED");
    for (const good of ["abc", "a.b_c-9", "x".repeat(32)])
      expect(checkUsername(good).allowed).toBe(true);
    for (const bad of ["ab", "x".repeat(33), "has space", "émile", "a/b"]) {
      expect(checkUsername(bad)).toEqual({ allowed: false, reason: "USERNAME_INVALID" });
    }
    expect(normalizeUsername("  Ada.L ")).toBe("ada.l");
  });
  it("R3 only admins invite", () => {
    expect(reason(decideInvite({ ...ok, actor: user }))).toBe("ADMIN_ACCESS_REQUIRED");
    expect(reason(decideInvite({ ...ok, actor: owner }))).toBe("OK");
  });
});

describe("invitation lifecycle", () => {
  const now = new Date("2026-03-01T00:00:00Z");
  it("R11 a PENDING invitation past its expiry is EXPIRED", () => {
    const expiresAt = new Date(now.getTime() + 1000);
    expect(invitationStatus({ status: "PENDING", expiresAt }, now)).toBe("PENDING");
    expect(invitationStatus({ status: "PENDING", expiresAt }, expiresAt)).toBe("EXPIRED");
    expect(invitationStatus({ status: "REVOKED", expiresAt }, expiresAt)).toBe("REVOKED");
  });
  const free = { emailRegistered: false, emailInvited: false, usernameTaken: false };
  it("R12 resend applies to PENDING and EXPIRED only", () => {
    expect(reason(decideResend({ ...free, actor: admin, status: "PENDING" }))).toBe("OK");
    expect(reason(decideResend({ ...free, actor: admin, status: "EXPIRED" }))).toBe("OK");
    expect(reason(decideResend({ ...free, actor: admin, status: "ACCEPTED" }))).toBe(
      "INVITATION_NOT_RESENDABLE",
    );
    expect(reason(decideResend({ ...free, actor: admin, status: "REVOKED" }))).toBe(
      "INVITATION_NOT_RESENDABLE",
    );
  });
  it("R10 R12 resending an EXPIRED invitation re-checks its email and username", () => {
    const expired = { ...free, actor: admin, status: "EXPIRED" as const };
    expect(reason(decideResend(expired))).toBe("OK");
    expect(reason(decideResend({ ...expired, emailRegistered: true }))).toBe("EMAIL_ALREADY_USED");
    expect(reason(decideResend({ ...expired, emailInvited: true }))).toBe("EMAIL_ALREADY_USED");
    expect(reason(decideResend({ ...expired, usernameTaken: true }))).toBe("USERNAME_ALREADY_USED");
  });
  it("R13 accepted invitations cannot be revoked", () => {
    expect(reason(decideRevoke({ actor: admin, status: "PENDING" }))).toBe("OK");
    expect(reason(decideRevoke({ actor: admin, status: "EXPIRED" }))).toBe("OK");
    expect(reason(decideRevoke({ actor: admin, status: "ACCEPTED" }))).toBe("INVITATION_ACCEPTED");
    expect(reason(decideRevoke({ actor: admin, status: "REVOKED" }))).toBe(
      "INVITATION_ALREADY_REVOKED",
    );
  });
  it("R15 acceptance re-checks status, email, username and inviter", () => {
    const ok = {
      status: "PENDING" as const,
      emailRegistered: false,
      usernameTaken: false,
      inviterRole: "ADMIN" as const,
    };
    expect(reason(decideAcceptance(ok))).toBe("OK");
    expect(reason(decideAcceptance({ ...ok, status: "EXPIRED" }))).toBe("INVITATION_EXPIRED");
    expect(reason(decideAcceptance({ ...ok, status: "REVOKED" }))).toBe("INVITATION_NOT_VALID");
    expect(reason(decideAcceptance({ ...ok, status: "ACCEPTED" }))).toBe("INVITATION_NOT_VALID");
    expect(reason(decideAcceptance({ ...ok, emailRegistered: true }))).toBe("EMAIL_ALREADY_USED");
    expect(reason(decideAcceptance({ ...ok, usernameTaken: true }))).toBe("USERNAME_ALREADY_USED");
    expect(reason(decideAcceptance({ ...ok, inviterRole: "USER" }))).toBe("INVITER_NOT_ADMIN");
    expect(reason(decideAcceptance({ ...ok, inviterRole: null }))).toBe("INVITER_NOT_ADMIN");
  });
});

describe("role change", () => {
  const base = { actor: admin, target: user, activeAdminLikeCount: 2 };
  it("R19 an active member can take ADMIN, USER or VIEWER", () => {
    expect(reason(decideRoleChange({ ...base, newRole: "ADMIN" }))).toBe("OK");
    expect(reason(decideRoleChange({ ...base, newRole: "VIEWER" }))).toBe("OK");
    expect(reason(decideRoleChange({ ...base, newRole: "USER" }))).toBe("ROLE_UNCHANGED");
  });
  it("R17 the owner cannot be demoted and nobody becomes OWNER by a role change", () => {
    expect(reason(decideRoleChange({ ...base, target: owner, newRole: "ADMIN" }))).toBe(
      "ROLE_CHANGE_OWNER",
    );
    expect(reason(decideRoleChange({ ...base, target: owner }))).toBe("ROLE_CHANGE_OWNER");
    expect(reason(decideRoleChange({ ...base, newRole: "OWNER" }))).toBe("ROLE_NOT_ASSIGNABLE");
  });
  it("R18 removed users cannot be modified", () => {
    expect(reason(decideRoleChange({ ...base, target: removedUser, newRole: "ADMIN" }))).toBe(
      "ROLE_CHANGE_REMOVED",
    );
  });
  it("R16 demoting the only admin-like member is refused; with another one it is allowed", () => {
    const lone = { actor: admin, target: member("a2", "ADMIN"), activeAdminLikeCount: 1 };
    expect(reason(decideRoleChange({ ...lone, newRole: "USER" }))).toBe("ROLE_CHANGE_LAST_ADMIN");
    expect(reason(decideRoleChange(lone))).toBe("ROLE_CHANGE_LAST_ADMIN");
    expect(reason(decideRoleChange({ ...lone, activeAdminLikeCount: 2, newRole: "USER" }))).toBe(
      "OK",
    );
    expect(reason(decideRoleChange({ ...lone, activeAdminLikeCount: 1, newRole: "ADMIN" }))).toBe(
      "ROLE_UNCHANGED",
    );
  });
  it("R3 USER and VIEWER cannot change roles", () => {
    expect(
      reason(decideRoleChange({ ...base, actor: user, target: viewer, newRole: "USER" })),
    ).toBe("ADMIN_ACCESS_REQUIRED");
  });
});

describe("removal", () => {
  const base = { actor: admin, target: user, activeAdminLikeCount: 2 };
  it("R25 an active member can be removed by an admin", () => {
    expect(reason(decideRemoval(base))).toBe("OK");
    expect(reason(decideRemoval({ ...base, actor: owner, target: admin }))).toBe("OK");
  });
  it("R26 self, R25 already removed, R28 owner, R27 last admin-like, in the guide's order", () => {
    expect(reason(decideRemoval({ ...base, target: admin }))).toBe("REMOVE_SELF");
    expect(reason(decideRemoval({ ...base, target: removedUser }))).toBe("REMOVE_ALREADY_REMOVED");
    expect(reason(decideRemoval({ ...base, target: owner }))).toBe("REMOVE_OWNER");
    expect(
      reason(decideRemoval({ ...base, actor: owner, target: admin, activeAdminLikeCount: 1 })),
    ).toBe("REMOVE_LAST_ADMIN");
  });
  it("R3 USER cannot remove anyone", () => {
    expect(reason(decideRemoval({ ...base, actor: user, target: viewer }))).toBe(
      "ADMIN_ACCESS_REQUIRED",
    );
  });
});

describe("ownership transfer", () => {
  it("R20 only the current owner can transfer", () => {
    expect(reason(decideTransfer({ actor: owner, target: admin }))).toBe("OK");
    expect(reason(decideTransfer({ actor: owner, target: user }))).toBe("OK");
    expect(reason(decideTransfer({ actor: admin, target: user }))).toBe("TRANSFER_OWNER_ONLY");
  });
  it("R21 not to yourself, removed users, VIEWER members or the current owner", () => {
    expect(reason(decideTransfer({ actor: owner, target: owner }))).toBe("TRANSFER_TO_SELF");
    expect(reason(decideTransfer({ actor: owner, target: removedUser }))).toBe(
      "TRANSFER_TO_REMOVED",
    );
    expect(reason(decideTransfer({ actor: owner, target: viewer }))).toBe("TRANSFER_TO_VIEWER");
    expect(reason(decideTransfer({ actor: owner, target: member("o2", "OWNER") }))).toBe(
      "TRANSFER_TO_OWNER",
    );
  });
  it("R22 R23 confirmation needs a pending, fresh transfer started by the confirming owner", () => {
    const now = new Date("2026-03-01T00:00:00Z");
    const transfer = {
      status: "PENDING" as const,
      fromMemberId: owner.id,
      expiresAt: new Date(now.getTime() + 1),
    };
    const ok = { actor: owner, target: admin, transfer, now };
    expect(reason(decideTransferConfirmation(ok))).toBe("OK");
    expect(
      reason(decideTransferConfirmation({ ...ok, transfer: { ...transfer, status: "CANCELLED" } })),
    ).toBe("TRANSFER_NOT_VALID");
    expect(reason(decideTransferConfirmation({ ...ok, now: transfer.expiresAt }))).toBe(
      "TRANSFER_EXPIRED",
    );
    expect(reason(decideTransferConfirmation({ ...ok, actor: admin }))).toBe(
      "TRANSFER_LINK_FOR_OWNER",
    );
    expect(reason(decideTransferConfirmation({ ...ok, target: member("a", "VIEWER") }))).toBe(
      "TRANSFER_TO_VIEWER",
    );
  });
  it("R22 the owner cancels only a pending transfer", () => {
    expect(reason(decideTransferCancellation({ actor: owner, hasPendingTransfer: true }))).toBe(
      "OK",
    );
    expect(reason(decideTransferCancellation({ actor: owner, hasPendingTransfer: false }))).toBe(
      "NO_PENDING_TRANSFER",
    );
    expect(reason(decideTransferCancellation({ actor: admin, hasPendingTransfer: true }))).toBe(
      "TRANSFER_OWNER_ONLY",
    );
  });
});

describe("invite form fields", () => {
  it("R8 R9 R10 R39 every field's problem at once; a valid invitation has none", () => {
    expect(inviteFieldErrors({ email: "nope", username: "a", role: "OWNER" })).toEqual({
      email: "EMAIL_INVALID",
      username: "USERNAME_INVALID",
      role: "OWNER_NOT_INVITABLE",
    });
    expect(
      inviteFieldErrors({ email: "ok@example.test", username: "x".repeat(200), role: "USER" }),
    ).toEqual({
      username: "USERNAME_INVALID",
    });
    expect(
      inviteFieldErrors({ email: "a\u0000@example.test", username: "ada", role: "ROOT" }),
    ).toEqual({
      email: "TEXT_INVALID",
      role: "ROLE_INVALID",
    });
    // Positive control, normalized as the server does: trimmed, any case.
    expect(
      inviteFieldErrors({ email: " Ada@Example.TEST ", username: " Ada ", role: "VIEWER" }),
    ).toEqual({});
  });
});

describe("delete organization", () => {
  it("Delete organization: the owner only; every other member gets DELETE_OWNER_ONLY", () => {
    expect(reason(decideDeleteOrganization(owner))).toBe("OK");
    for (const other of [admin, user, viewer]) {
      expect(reason(decideDeleteOrganization(other))).toBe("DELETE_OWNER_ONLY");
    }
    expect(reason(decideDeleteOrganization(null))).toBe("ORGANIZATION_NOT_ACTIVE");
    expect(reason(decideDeleteOrganization({ ...owner, status: "REMOVED" }))).toBe(
      "MEMBERSHIP_REMOVED",
    );
  });

  it("Delete organization: the name is typed exactly; white space around it and its Unicode form are forgiven", () => {
    const start = (typedName: string, actor = owner) =>
      reason(decideDeletionStart({ actor, name: "Ärzte Köln", typedName }));
    expect(start("Ärzte Köln")).toBe("OK");
    expect(start("  Ärzte   Köln ")).toBe("OK");
    expect(start("A\u0308rzte Ko\u0308ln")).toBe("OK");
    for (const typed of ["ärzte köln", "Ärzte Köln.", "Ärzte", "", "Ärzte\u200bKöln"]) {
      expect(start(typed)).toBe("DELETE_NAME_MISMATCH");
    }
    // The role is decided first: an admin typing the right name is still refused.
    expect(start("Ärzte Köln", admin)).toBe("DELETE_OWNER_ONLY");
  });

  it("R33 Delete organization: the link works once, within 24 hours, for the owner who asked", () => {
    const now = new Date("2026-01-05T09:00:00Z");
    const deletion = {
      status: "PENDING" as const,
      requestedByMemberId: owner.id,
      expiresAt: new Date(now.getTime() + DELETION_TTL_MS),
    };
    const ok = { actor: owner, deletion, now };
    expect(reason(decideDeletionConfirmation(ok))).toBe("OK");
    expect(
      reason(decideDeletionConfirmation({ ...ok, deletion: { ...deletion, status: "CONFIRMED" } })),
    ).toBe("DELETION_NOT_VALID");
    expect(reason(decideDeletionConfirmation({ ...ok, now: deletion.expiresAt }))).toBe(
      "DELETION_EXPIRED",
    );
    expect(reason(decideDeletionConfirmation({ ...ok, actor: admin }))).toBe(
      "DELETION_LINK_FOR_OWNER",
    );
    // A new owner holding the previous owner's link.
    expect(reason(decideDeletionConfirmation({ ...ok, actor: member("n", "OWNER") }))).toBe(
      "DELETION_LINK_FOR_OWNER",
    );
    // After the deletion, its members hear that first.
    const gone = { ...owner, status: "REMOVED" as const, removalReason: "DELETED" as const };
    expect(reason(decideDeletionConfirmation({ ...ok, actor: gone }))).toBe("ORGANIZATION_DELETED");
    expect(reason(decideDeletionCancellation({ actor: owner, hasPendingDeletion: true }))).toBe(
      "OK",
    );
    expect(reason(decideDeletionCancellation({ actor: owner, hasPendingDeletion: false }))).toBe(
      "NO_PENDING_DELETION",
    );
    expect(reason(decideDeletionCancellation({ actor: admin, hasPendingDeletion: true }))).toBe(
      "DELETE_OWNER_ONLY",
    );
  });
});
