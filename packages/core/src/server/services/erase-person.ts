import { createHmac } from "node:crypto";
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { checkEmail, normalizeEmail, PolicyError } from "../../policy";
import { closeAuditDoor, openAuditDoor } from "../audit-maintenance";
import type { OrgkitContext } from "../context";
import type { Tx } from "../db";
import { escapeLike } from "../pagination";
import {
  accounts,
  auditEvents,
  devMailbox,
  emailOutbox,
  eventDeliveries,
  invitations,
  members,
  organizationDeletions,
  organizations,
  ownershipTransfers,
  sessions,
  users,
  verificationTokens,
} from "../schema";

/** Fields of an event's before/after and of a queued email's payload that hold a username. */
const NAME_FIELDS = new Set([
  "to",
  "invitedBy",
  "owner",
  "inviterUsername",
  "username",
  "targetUsername",
  "previousOwner",
  "newOwner",
  "ownerUsername",
]);

/**
 * A right-to-erasure request, carried out by the host once it accepted it: the person's email
 * and usernames are replaced by a stable pseudonym in their account, memberships, invitations,
 * transfers, queued emails and every audit event that names them, in one transaction under
 * the locks of their organizations (no change can write their old name meanwhile). Their
 * sessions, sign-in accounts and sign-in links are deleted. The events stay (who did what
 * stays provable, under the pseudonym); each organization records `person.erased`, which is
 * also published to event consumers. A username is replaced only where it named this person:
 * in their organizations, in fields that hold names, on their own records.
 *
 * The pseudonym is an HMAC under the server secret: pseudonymous, not anonymous (whoever holds
 * the secret can check an address against it).
 *
 * @param input.email the person's address, in any case.
 * @returns `{ pseudonym, organizations }`: `erased-<12 characters>` (the same for the same
 *   address and secret), and how many organizations recorded the erasure.
 * @throws PolicyError EMAIL_INVALID for something that is not an address.
 * @example await erasePerson(ctx, { email: "ada@example.com" }); // { pseudonym: "erased-3kq…", organizations: 1 }
 */
export async function erasePerson(
  ctx: OrgkitContext,
  input: { email: string },
): Promise<{ pseudonym: string; organizations: number }> {
  const email = normalizeEmail(input.email);
  const valid = checkEmail(email);
  if (!valid.allowed) throw new PolicyError(valid.reason);
  const digest = createHmac("sha256", ctx.secret).update(`erasure:${email}`).digest("base64url");
  const pseudonym = `erased-${digest.slice(0, 12).toLowerCase()}`;
  const pseudoEmail = `${pseudonym}@erased.invalid`;
  return ctx.db.transaction(async (tx) => {
    const people = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`)
      .for("update");
    const accountIds = people.map((a) => a.id);
    const organizationsOf = async () => {
      const rows = await tx
        .select({ organizationId: members.organizationId })
        .from(members)
        .where(accountIds.length ? inArray(members.userId, accountIds) : sql`false`)
        .union(
          tx
            .select({ organizationId: invitations.organizationId })
            .from(invitations)
            .where(sql`lower(${invitations.email}) = ${email}`),
        );
      return rows.map((row) => row.organizationId).sort();
    };
    // Their organizations' locks, in id order: every change there waits for the erasure.
    const organizationIds = await organizationsOf();
    if (organizationIds.length) {
      await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(inArray(organizations.id, organizationIds))
        .orderBy(asc(organizations.id))
        .for("update");
    }
    // Read again under the locks: what they were named, where.
    const memberships = accountIds.length
      ? await tx
          .select({
            id: members.id,
            username: members.username,
            organizationId: members.organizationId,
          })
          .from(members)
          .where(inArray(members.userId, accountIds))
      : [];
    const invited = await tx
      .select({
        id: invitations.id,
        username: invitations.username,
        organizationId: invitations.organizationId,
      })
      .from(invitations)
      .where(sql`lower(${invitations.email}) = ${email}`);

    await openAuditDoor(tx, "erasure");
    if (accountIds.length) {
      await tx
        .update(users)
        .set({ email: pseudoEmail, name: null, image: null })
        .where(inArray(users.id, accountIds));
      await tx
        .update(members)
        .set({ username: pseudonym })
        .where(inArray(members.userId, accountIds));
      await tx.delete(sessions).where(inArray(sessions.userId, accountIds));
      await tx.delete(accounts).where(inArray(accounts.userId, accountIds));
      await tx
        .update(auditEvents)
        .set({ actorIp: null, actorUserAgent: null })
        .where(inArray(auditEvents.actorUserId, accountIds));
    }
    await tx
      .update(invitations)
      .set({ email: pseudoEmail, username: pseudonym })
      .where(sql`lower(${invitations.email}) = ${email}`);
    await tx
      .update(ownershipTransfers)
      .set({ sentTo: pseudoEmail })
      .where(sql`lower(${ownershipTransfers.sentTo}) = ${email}`);
    await tx
      .update(organizationDeletions)
      .set({ sentTo: pseudoEmail })
      .where(sql`lower(${organizationDeletions.sentTo}) = ${email}`);
    await tx
      .delete(verificationTokens)
      .where(sql`lower(${verificationTokens.identifier}) = ${email}`);
    await tx
      .delete(devMailbox)
      .where(
        or(
          sql`lower(${devMailbox.to}) = ${email}`,
          sql`${devMailbox.text} ilike ${`%${escapeLike(email)}%`}`,
        ),
      );
    // Their own queued emails are cancelled and emptied.
    await tx
      .update(emailOutbox)
      .set({
        to: pseudoEmail,
        payload: sql`'{}'::jsonb`,
        lastError: null,
        status: sql`case when ${emailOutbox.status} = 'PENDING' then 'CANCELLED' else ${emailOutbox.status} end`,
      })
      .where(sql`lower(${emailOutbox.to}) = ${email}`);
    for (const organizationId of organizationIds) {
      const names = new Set(
        [...memberships, ...invited]
          .filter((row) => row.organizationId === organizationId)
          .map((row) => row.username.toLowerCase()),
      );
      const own = {
        members: memberships.filter((m) => m.organizationId === organizationId).map((m) => m.id),
        invitations: invited.filter((i) => i.organizationId === organizationId).map((i) => i.id),
      };
      await rewriteOrganization(tx, {
        organizationId,
        email,
        pseudoEmail,
        pseudonym,
        names,
        own,
        accountIds,
      });
      await tx.insert(auditEvents).values({
        organizationId,
        actorUserId: null,
        action: "person.erased",
        targetType: "person",
        targetId: pseudonym,
        targetLabel: pseudonym,
        createdAt: ctx.now(),
      });
    }
    await closeAuditDoor(tx);
    return { pseudonym, organizations: organizationIds.length };
  });
}

type Erasure = {
  organizationId: string;
  email: string;
  pseudoEmail: string;
  pseudonym: string;
  /** The usernames the person had in this organization (lower case). */
  names: Set<string>;
  own: { members: string[]; invitations: string[] };
  accountIds: string[];
};

/**
 * Replaces, inside a JSON value, the person's email anywhere, and their usernames only in the
 * fields that hold names (`owner`, `inviterUsername`, …): never a role or a status that
 * happens to read like a username ("admin").
 */
function rewrite(value: unknown, erasure: Erasure, field?: string): unknown {
  if (typeof value === "string") {
    const lower = value.toLowerCase();
    if (lower === erasure.email) return erasure.pseudoEmail;
    if (field && NAME_FIELDS.has(field) && erasure.names.has(lower)) return erasure.pseudonym;
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => rewrite(item, erasure, field));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, rewrite(item, erasure, key)]),
    );
  }
  return value;
}

/** One organization's audit events, queued emails and delivery notes that name the person. */
async function rewriteOrganization(tx: Tx, erasure: Erasure): Promise<void> {
  const { organizationId, email, names } = erasure;
  const patterns = [email, ...names].map((name) => `%${escapeLike(name)}%`);
  const mentions = (column: unknown) =>
    or(...patterns.map((pattern) => sql`${column}::text ilike ${pattern}`));
  const events = await tx
    .select({
      id: auditEvents.id,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      targetLabel: auditEvents.targetLabel,
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.organizationId, organizationId),
        or(
          mentions(auditEvents.targetLabel),
          mentions(auditEvents.before),
          mentions(auditEvents.after),
        ),
      ),
    );
  for (const event of events) {
    // The label names the person when the event is about one of their own records.
    const theirs =
      (event.targetType === "member" && erasure.own.members.includes(event.targetId)) ||
      (event.targetType === "invitation" && erasure.own.invitations.includes(event.targetId));
    const label = event.targetLabel.toLowerCase();
    const targetLabel =
      label === email
        ? erasure.pseudoEmail
        : (theirs || event.targetType === "ownership_transfer") && names.has(label)
          ? erasure.pseudonym
          : event.targetLabel;
    await tx
      .update(auditEvents)
      .set({
        targetLabel,
        before: rewrite(event.before, erasure) as typeof event.before,
        after: rewrite(event.after, erasure) as typeof event.after,
      })
      .where(eq(auditEvents.id, event.id));
  }
  const queued = await tx
    .select({ id: emailOutbox.id, payload: emailOutbox.payload })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.organizationId, organizationId), mentions(emailOutbox.payload)));
  for (const row of queued) {
    await tx
      .update(emailOutbox)
      .set({ payload: rewrite(row.payload, erasure) as typeof row.payload })
      .where(eq(emailOutbox.id, row.id));
  }
  // Failure notes are free text: any that quotes the person goes.
  await tx
    .update(emailOutbox)
    .set({ lastError: null })
    .where(and(eq(emailOutbox.organizationId, organizationId), mentions(emailOutbox.lastError)));
  await tx
    .update(eventDeliveries)
    .set({ lastError: null })
    .where(
      and(eq(eventDeliveries.organizationId, organizationId), mentions(eventDeliveries.lastError)),
    );
}
