import { SHIPPED_LOCALES } from "@orgkit/core/messages";
import {
  AUDIT_ACTIONS,
  BULK_INVITE_MAX_ROWS,
  BULK_INVITE_MAX_TEXT,
  checkText,
  INVITATION_ROLES,
  MEMBER_STATUSES,
  ROLES,
  reasonMessage,
} from "@orgkit/core/policy";
import { z } from "zod";

// Shapes only: the policy judges the values, so its reasons reach the user in the
// guide's words (an OWNER invitation says why, instead of "invalid enum value").

/**
 * R39: the one text type of every procedure. Every string field is built from it, so no
 * control character, lone surrogate or direction override reaches the database; the refusal
 * is a validation error on that field.
 */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => checkText(value).allowed, { message: reasonMessage("TEXT_INVALID") });

const id = text(64).min(1);
const cursor = text(256).min(1).optional();
const limit = z.number().int().min(1).max(100).optional();
// tRPC's infinite queries send the direction they page in; lists page forward only.
const direction = z.enum(["forward", "backward"]).optional();

export const activateInput = z.strictObject({ name: text(256) });
/** The language of the emails a request sends: a locale orgkit ships; none means English. */
const locale = z.enum(SHIPPED_LOCALES).optional();
/** The organization's name as the owner typed it to delete it. */
export const deleteOrganizationInput = z.strictObject({ name: text(256), locale });
export const listMembersInput = z
  .strictObject({
    search: text(100).optional(),
    role: z.enum(ROLES).optional(),
    status: z.enum(MEMBER_STATUSES).optional(),
    cursor,
    limit,
    direction,
  })
  .default({});
export const memberInput = z.strictObject({ memberId: id });
export const startTransferInput = z.strictObject({ memberId: id, locale });
export const changeRoleInput = z.strictObject({ memberId: id, role: z.enum(ROLES) });
export const inviteInput = z.strictObject({
  email: text(320),
  username: text(64),
  role: z.enum(ROLES),
  locale,
});
export const listInvitationsInput = z
  .strictObject({
    scope: z.enum(["PENDING", "ALL"]).optional(),
    search: text(100).optional(),
    role: z.enum(INVITATION_ROLES).optional(),
    cursor,
    limit,
    direction,
  })
  .default({});
export const invitationInput = z.strictObject({ invitationId: id });

/**
 * A bulk invitation's row: plain strings, capped, so one bad row (a NUL, an unknown role) is
 * refused on its own by the same rules as a single invitation, never the whole request. The
 * one exception to `text`: `inviteMany` applies the same `checkText` to every field, per row.
 */
const field = z.string().max(320);
const invitationRow = z.strictObject({ email: field, username: field, role: field });
const invitationRows = z.array(invitationRow).min(1).max(BULK_INVITE_MAX_ROWS);
/** Invite several: pasted lines or a CSV file's text (parsed on the server), or edited rows. */
export const checkInvitationsInput = z.union([
  // 500 typical rows; small enough that the same rows sent back as JSON stay under the
  // route handler's default 64 KiB body cap.
  z.strictObject({ text: z.string().min(1).max(BULK_INVITE_MAX_TEXT) }),
  z.strictObject({ rows: invitationRows }),
]);
export const sendInvitationsInput = z.strictObject({ rows: invitationRows, locale });
export const tokenInput = z.strictObject({ token: text(128).min(1) });
export const confirmTransferInput = z.strictObject({ token: text(128).min(1), locale });
export const redeliverWebhookInput = z.strictObject({
  deliveryId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});
export const listWebhookDeliveriesInput = z
  .strictObject({ endpoint: text(64).optional(), cursor, limit })
  .default({});

export const listAuditInput = z
  .strictObject({
    action: z.enum(AUDIT_ACTIONS).optional(),
    member: text(100).optional(),
    cursor,
    limit,
    direction,
  })
  .default({});
