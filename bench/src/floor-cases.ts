import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Db } from "@orgkit/core/server";
import { sql } from "drizzle-orm";

import { addUser, type SeededOrg } from "./seed";
import type { Case } from "./stats";

const lock = (org: SeededOrg) =>
  sql`select id from organizations where id = ${org.organizationId} for update`;
const actorIsAdmin = (memberId: string) =>
  sql`exists (select 1 from members where id = ${memberId} and status = 'ACTIVE' and role in ('OWNER', 'ADMIN'))`;
const token = () => {
  const raw = randomBytes(32).toString("base64url");
  return { raw, hash: createHash("sha256").update(raw).digest("hex") };
};

/**
 * The floor: the same work as each orgkit case, written as the fewest hand-written
 * statements in one transaction (lock, then one statement with CTEs where possible).
 */
export function floorCases(db: Db, org: SeededOrg): Case[] {
  const admin = org.ownerMemberId;
  const target = org.memberId(Math.min(4, org.size));
  const people = [org.ownerMemberId, org.adminMemberId] as const;
  let owner = 0;
  let pending = "";
  let victim = "";
  const page = (after: string | null) =>
    db.execute(sql`select m.id, m.user_id, m.username, u.email, m.role, m.status, m.created_at, m.removed_at
      from members m join users u on u.id = m.user_id
      where m.organization_id = ${org.organizationId} and ${actorIsAdmin(admin)}
        ${after === null ? sql`` : sql`and (m.username collate "C", m.id) > (${after}, '')`}
      order by m.username collate "C", m.id limit 51`);
  const middle = org.username(Math.max(4, Math.floor(org.size / 2)));

  const invite: Case = {
    name: "invite",
    call: (i) =>
      db.transaction(async (tx) => {
        const email = `floor${i}-${org.tag}@bench.test`;
        const username = `fl${i}${org.tag}`.slice(0, 32);
        const id = randomUUID();
        await tx.execute(lock(org));
        await tx.execute(sql`with ins as (
        insert into invitations (id, organization_id, email, username, role, token_hash, invited_by_member_id, created_at, sent_at, expires_at)
        select ${id}, ${org.organizationId}, ${email}, ${username}, 'USER', ${token().hash}, ${admin}, now(), now(), now() + interval '7 days'
        where ${actorIsAdmin(admin)}
          and not exists (select 1 from users where lower(email) = lower(${email}))
          and not exists (select 1 from invitations where lower(email) = lower(${email}) and status = 'PENDING')
          and not exists (select 1 from members where organization_id = ${org.organizationId} and lower(username) = lower(${username}) and status = 'ACTIVE')
          and not exists (select 1 from invitations where organization_id = ${org.organizationId} and lower(username) = lower(${username}) and status = 'PENDING')
        returning id
      ), audit as (
        insert into audit_events (organization_id, action, target_type, target_id, target_label, created_at)
        select ${org.organizationId}, 'invitation.sent', 'invitation', id, ${email}, now() from ins
      )
      insert into email_outbox (organization_id, template, "to", payload, subject_id, next_attempt_at, created_at)
      select ${org.organizationId}, 'invitation', ${email}, '{}'::jsonb, id, now(), now() from ins`);
      }),
  };
  const changeRole: Case = {
    name: "change role",
    call: (i) =>
      db.transaction(async (tx) => {
        await tx.execute(lock(org));
        await tx.execute(sql`with upd as (
        update members set role = ${i % 2 === 0 ? "VIEWER" : "USER"}, updated_at = now()
        where id = ${target} and organization_id = ${org.organizationId} and status = 'ACTIVE' and role <> 'OWNER' and ${actorIsAdmin(admin)}
        returning id, username
      )
      insert into audit_events (organization_id, action, target_type, target_id, target_label, created_at)
      select ${org.organizationId}, 'member.role_changed', 'member', id, username, now() from upd`);
      }),
  };
  const remove: Case = {
    name: "remove",
    setup: async (i) => {
      victim = await addUser(db, org, `f${i}`);
    },
    call: () =>
      db.transaction(async (tx) => {
        await tx.execute(lock(org));
        await tx.execute(sql`with upd as (
          update members set status = 'REMOVED', removed_at = now(), updated_at = now()
          where id = ${victim} and organization_id = ${org.organizationId} and status = 'ACTIVE' and role <> 'OWNER' and ${actorIsAdmin(admin)}
          returning id, username
        )
        insert into audit_events (organization_id, action, target_type, target_id, target_label, created_at)
        select ${org.organizationId}, 'member.removed', 'member', id, username, now() from upd`);
      }),
  };
  const confirmTransfer: Case = {
    name: "confirm transfer",
    setup: async () => {
      pending = token().hash;
      await db.execute(
        sql`update ownership_transfers set status = 'CANCELLED' where organization_id = ${org.organizationId} and status = 'PENDING'`,
      );
      await db.execute(sql`insert into ownership_transfers (id, organization_id, from_member_id, to_member_id, sent_to, token_hash, created_at, expires_at)
        values (${randomUUID()}, ${org.organizationId}, ${people[owner]}, ${people[1 - owner]}, 'owner@bench.test', ${pending}, now(), now() + interval '1 day')`);
    },
    call: () =>
      db.transaction(async (tx) => {
        await tx.execute(lock(org));
        // The same work as orgkit's: the claim, one UPDATE that swaps both roles (the one-owner
        // constraint is checked at the statement's end), a pending deletion cancelled, the
        // audit event and both owners' notices.
        await tx.execute(sql`with t as (
          update ownership_transfers set status = 'CONFIRMED', ended_at = now()
          where token_hash = ${pending} and status = 'PENDING' and expires_at > now() returning id, to_member_id
        ), swapped as (
          update members set role = case when id = ${people[owner]} then 'ADMIN' else 'OWNER' end, updated_at = now()
          where status = 'ACTIVE' and exists (select 1 from t)
            and ((id = ${people[owner]} and role = 'OWNER') or (id = (select to_member_id from t) and role in ('ADMIN', 'USER')))
          returning id
        ), cancelled as (
          update organization_deletions set status = 'CANCELLED', ended_at = now()
          where organization_id = ${org.organizationId} and status = 'PENDING' and exists (select 1 from t)
        ), audit as (
          insert into audit_events (organization_id, action, target_type, target_id, target_label, created_at)
          select ${org.organizationId}, 'ownership.transferred', 'member', to_member_id, 'x', now() from t
          where (select count(*) from swapped) = 2
        )
        insert into email_outbox (organization_id, template, "to", payload, subject_id, next_attempt_at, created_at)
        select ${org.organizationId}, 'ownership-transferred', notice.address, '{}'::jsonb, t.id, now(), now()
        from t, (values ('owner@bench.test'), ('target@bench.test')) as notice (address)`);
        owner = 1 - owner;
      }),
  };
  return [
    invite,
    changeRole,
    remove,
    confirmTransfer,
    { name: "members page (first)", call: () => page(null) },
    { name: "members page (deep)", call: () => page(middle) },
  ];
}
