import { organizationNameKey } from "@orgkit/core/policy";
import type { Db } from "@orgkit/core/server";
import { sql } from "drizzle-orm";

export type SeededOrg = {
  organizationId: string;
  tag: string;
  size: number;
  ownerUserId: string;
  ownerMemberId: string;
  adminUserId: string;
  adminMemberId: string;
  userId: (n: number) => string;
  memberId: (n: number) => string;
  username: (n: number) => string;
};

/**
 * An organization of `size` active members, inserted in bulk: member 1 is the OWNER,
 * 2 and 3 are ADMINs, the rest USERs. Services are not used: 100,000 members would take minutes.
 */
export async function seedOrganization(db: Db, size: number): Promise<SeededOrg> {
  const tag = `b${size}x${Math.random().toString(36).slice(2, 7)}`;
  const organizationId = `org-${tag}`;
  await db.execute(
    sql`insert into organizations (id, name, name_key, created_at) values (${organizationId}, ${`Bench ${tag}`}, ${organizationNameKey(`Bench ${tag}`)}, now())`,
  );
  await db.execute(sql`insert into users (id, email, name, created_at)
    select 'u-' || ${tag} || '-' || g, 'u' || g || '-' || ${tag} || '@bench.test', 'user' || g, now()
    from generate_series(1, ${size}::int) g`);
  await db.execute(sql`insert into members (id, organization_id, user_id, username, role, status, created_at, updated_at)
    select 'm-' || ${tag} || '-' || g, ${organizationId}, 'u-' || ${tag} || '-' || g, 'user' || lpad(g::text, 6, '0'),
      case when g = 1 then 'OWNER' when g <= 3 then 'ADMIN' else 'USER' end, 'ACTIVE', now(), now()
    from generate_series(1, ${size}::int) g`);
  // As autovacuum leaves a table that has been around (this machine's PostgreSQL runs with it
  // off): statistics, and the visibility map that lets a count read the index alone.
  await db.execute(sql`vacuum analyze members`);
  await db.execute(sql`vacuum analyze users`);
  const userId = (n: number) => `u-${tag}-${n}`;
  const memberId = (n: number) => `m-${tag}-${n}`;
  return {
    organizationId,
    tag,
    size,
    ownerUserId: userId(1),
    ownerMemberId: memberId(1),
    adminUserId: userId(2),
    adminMemberId: memberId(2),
    userId,
    memberId,
    username: (n: number) => `user${String(n).padStart(6, "0")}`,
  };
}

/** One more active USER, for cases that use one up (removal). Untimed. */
export async function addUser(db: Db, org: SeededOrg, key: string): Promise<string> {
  const id = `${org.tag}-extra-${key}`;
  await db.execute(
    sql`insert into users (id, email, name, created_at) values (${`u-${id}`}, ${`${id}@bench.test`}, ${id}, now())`,
  );
  await db.execute(sql`insert into members (id, organization_id, user_id, username, role, status, created_at, updated_at)
    values (${`m-${id}`}, ${org.organizationId}, ${`u-${id}`}, ${`x${id}`.slice(0, 32)}, 'USER', 'ACTIVE', now(), now())`);
  return `m-${id}`;
}
