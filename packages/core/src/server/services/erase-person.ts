import { createHmac } from "node:crypto";
import { and, eq, inArray, or, sql } from "drizzle-orm";
import { normalizeEmail } from "../../policy";
import type { OrgkitContext } from "../context";
import type { Tx } from "../db";
import {
  accounts,
  auditEvents,
  devMailbox,
  emailOutbox,
  invitations,
  members,
  ownershipTransfers,
  users,
  verificationTokens,
} from "../schema";

/**
 * A right-to-erasure request, carried out by the host: the person's email and usernames are
 * replaced by a stable pseudonym in every account, membership, invitation, transfer, queued
 * email and audit event, in one transaction. The events stay (who did what stays provable,
 * under the pseudonym), each organization the person belonged to records `person.erased`,
 * and their queued emails are cancelled. Their sign-in links are deleted; their sessions are
 * the host's to end.
 *
 * @param input.email the person's address, in any case.
 * @returns `{ pseudonym, organizations }`: `erased-<12 characters>` (the same for the same
 *   address and secret), and how many organizations recorded the erasure.
 * @example await erasePerson(ctx, { email: "ada@example.com" }); // { pseudonym: "erased-3kq…", organizations: 1 }
 */
export async function erasePerson(
  ctx: OrgkitContext,
  input: { email: string },
): Promise<{ pseudonym: string; organizations: number }> {
  const email = normalizeEmail(input.email);
  const digest = createHmac("sha256", ctx.secret).update(`erasure:${email}`).digest("base64url");
  const pseudonym = `erased-${digest.slice(0, 12).toLowerCase()}`;
  const pseudoEmail = `${pseudonym}@erased.invalid`;
  return ctx.db.transaction(async (tx) => {
    // The one door through the audit log's append-only trigger for this transaction (R32).
    await tx.execute(sql`select set_config('orgkit.audit_maintenance', 'erasure', true)`);
    const people = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`);
    const accountIds = people.map((a) => a.id);
    const memberships = accountIds.length
      ? await tx
          .select({ username: members.username, organizationId: members.organizationId })
          .from(members)
          .where(inArray(members.userId, accountIds))
      : [];
    const invited = await tx
      .select({ username: invitations.username, organizationId: invitations.organizationId })
      .from(invitations)
      .where(eq(invitations.email, email));
    const names = new Set([
      email,
      ...memberships.map((m) => m.username),
      ...invited.map((i) => i.username),
    ]);
    const organizationIds = [
      ...new Set([...memberships, ...invited].map((row) => row.organizationId)),
    ];

    if (accountIds.length) {
      await tx
        .update(users)
        .set({ email: pseudoEmail, name: null, image: null })
        .where(inArray(users.id, accountIds));
      await tx
        .update(members)
        .set({ username: pseudonym })
        .where(inArray(members.userId, accountIds));
      await tx
        .update(auditEvents)
        .set({ actorIp: null, actorUserAgent: null })
        .where(inArray(auditEvents.actorUserId, accountIds));
    }
    await tx
      .update(invitations)
      .set({ email: pseudoEmail, username: pseudonym })
      .where(eq(invitations.email, email));
    await tx
      .update(ownershipTransfers)
      .set({ sentTo: pseudoEmail })
      .where(eq(ownershipTransfers.sentTo, email));
    await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, email));
    // Auth.js's email provider keys its account row by the address.
    await tx
      .update(accounts)
      .set({ providerAccountId: pseudoEmail })
      .where(sql`lower(${accounts.providerAccountId}) = ${email}`);
    await tx
      .delete(devMailbox)
      .where(or(eq(devMailbox.to, email), sql`${devMailbox.text} ilike ${`%${email}%`}`));
    // Their own queued emails are cancelled and emptied; others' that name them are rewritten.
    await tx
      .update(emailOutbox)
      .set({
        to: pseudoEmail,
        payload: sql`'{}'::jsonb`,
        status: sql`case when ${emailOutbox.status} = 'PENDING' then 'CANCELLED' else ${emailOutbox.status} end`,
      })
      .where(eq(emailOutbox.to, email));
    await rewriteMentions(tx, names, pseudonym, organizationIds);
    for (const organizationId of organizationIds) {
      await tx.insert(auditEvents).values({
        organizationId,
        actorUserId: null,
        action: "person.erased",
        targetType: "member",
        targetId: pseudonym,
        targetLabel: pseudonym,
        createdAt: ctx.now(),
      });
    }
    return { pseudonym, organizations: organizationIds.length };
  });
}

/** Replaces every string equal to one of `names` (case aside) inside a JSON value. */
function replaceNames(value: unknown, names: Set<string>, pseudonym: string): unknown {
  if (typeof value === "string") return names.has(value.toLowerCase()) ? pseudonym : value;
  if (Array.isArray(value)) return value.map((item) => replaceNames(item, names, pseudonym));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, replaceNames(item, names, pseudonym)]),
    );
  }
  return value;
}

/** Audit events and queued emails of the person's organizations that name them. */
async function rewriteMentions(
  tx: Tx,
  names: Set<string>,
  pseudonym: string,
  organizationIds: string[],
): Promise<void> {
  if (organizationIds.length === 0) return;
  const mentions = (column: unknown) =>
    or(...[...names].map((name) => sql`${column}::text ilike ${`%${name}%`}`));
  const events = await tx
    .select({
      id: auditEvents.id,
      targetLabel: auditEvents.targetLabel,
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .where(
      and(
        inArray(auditEvents.organizationId, organizationIds),
        or(
          mentions(auditEvents.targetLabel),
          mentions(auditEvents.before),
          mentions(auditEvents.after),
        ),
      ),
    );
  for (const event of events) {
    await tx
      .update(auditEvents)
      .set({
        targetLabel: replaceNames(event.targetLabel, names, pseudonym) as string,
        before: replaceNames(event.before, names, pseudonym) as typeof event.before,
        after: replaceNames(event.after, names, pseudonym) as typeof event.after,
      })
      .where(eq(auditEvents.id, event.id));
  }
  const queued = await tx
    .select({ id: emailOutbox.id, payload: emailOutbox.payload })
    .from(emailOutbox)
    .where(
      and(inArray(emailOutbox.organizationId, organizationIds), mentions(emailOutbox.payload)),
    );
  for (const row of queued) {
    await tx
      .update(emailOutbox)
      .set({ payload: replaceNames(row.payload, names, pseudonym) as typeof row.payload })
      .where(eq(emailOutbox.id, row.id));
  }
}
