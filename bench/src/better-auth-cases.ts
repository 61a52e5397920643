import { randomBytes } from "node:crypto";
import { POSTGRES_URL } from "@orgkit/core/testing";
import { betterAuth } from "better-auth";
import { getMigrations } from "better-auth/db/migration";
import { organization } from "better-auth/plugins";
import pg from "pg";
import postgres from "postgres";

import { type Case, counter } from "./stats";

/**
 * Better Auth's organization plugin doing the operations both products share, on the same
 * PostgreSQL server (a database of its own), through `auth.api` (no HTTP). `cases(size)`
 * seeds an organization of that many members by SQL; `close()` drops the database.
 */
export async function openBetterAuth(): Promise<{
  cases: (size: number) => Promise<Case[]>;
  close: () => Promise<void>;
}> {
  const name = `orgkit_bench_ba_${randomBytes(4).toString("hex")}`;
  const admin = postgres(POSTGRES_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  // Dropping the database at the end ends idle connections; that is expected, not a failure.
  pool.on("error", () => {});
  // Count statements where Kysely sends them: on each client the pool hands out.
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      counter.statements += 1;
      return query(...args);
    };
  });
  const auth = createAuth(pool);
  const close = async () => {
    await pool.end();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  try {
    const { runMigrations } = await getMigrations(auth.options);
    await runMigrations();
  } catch (error) {
    await close();
    throw error;
  }
  return { cases: (size) => casesFor(auth, pool, size), close };
}

function createAuth(pool: pg.Pool) {
  return betterAuth({
    database: pool,
    secret: "bench-secret-bench-secret-bench-secret-00",
    baseURL: "http://localhost:3000",
    telemetry: { enabled: false },
    rateLimit: { enabled: false },
    emailAndPassword: { enabled: true },
    plugins: [organization({ membershipLimit: 200_000, invitationLimit: 1_000_000 })],
    advanced: { database: { defaultFindManyLimit: 1_000_000 } },
  });
}

type Auth = ReturnType<typeof createAuth>;

async function casesFor(auth: Auth, pool: pg.Pool, size: number): Promise<Case[]> {
  const tag = `ba${size}x${randomBytes(3).toString("hex")}`;
  const signUp = await auth.api.signUpEmail({
    body: { email: `owner-${tag}@bench.test`, password: "bench-password-1234", name: "owner" },
    returnHeaders: true,
  });
  const cookie = signUp.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const headers = new Headers({ cookie });
  const ownerId = signUp.response.user.id;
  const org = await auth.api.createOrganization({
    body: { name: tag, slug: tag, userId: ownerId },
  });
  if (!org) throw new Error("Better Auth: no organization");
  const organizationId = org.id;
  await pool.query(
    `insert into "user" (id, name, email, "emailVerified", "createdAt", "updatedAt")
     select $1 || '-' || g, 'user' || g, 'u' || g || '-' || $1 || '@bench.test', false, now(), now()
     from generate_series(2, $2::int) g`,
    [tag, size],
  );
  await pool.query(
    `insert into member (id, "organizationId", "userId", role, "createdAt")
     select 'm-' || $1 || '-' || g, $3, $1 || '-' || g, case when g <= 3 then 'admin' else 'member' end, now()
     from generate_series(2, $2::int) g`,
    [tag, size, organizationId],
  );
  await pool.query("analyze member");

  const target = `m-${tag}-${Math.min(4, size)}`;
  const middle = Math.max(0, Math.floor(size / 2));
  let victim = "";
  return [
    {
      name: "invite",
      call: (i) =>
        auth.api.createInvitation({
          body: { email: `inv${i}-${tag}@bench.test`, role: "member", organizationId },
          headers,
        }),
    },
    {
      name: "change role",
      call: (i) =>
        auth.api.updateMemberRole({
          body: { memberId: target, role: i % 2 === 0 ? "admin" : "member", organizationId },
          headers,
        }),
    },
    {
      name: "remove",
      setup: async (i) => {
        victim = `m-${tag}-extra-${i}`;
        await pool.query(
          `insert into "user" (id, name, email, "emailVerified", "createdAt", "updatedAt") values ($1, $1, $1 || '@bench.test', false, now(), now())`,
          [`u-${victim}`],
        );
        await pool.query(
          `insert into member (id, "organizationId", "userId", role, "createdAt") values ($1, $2, $3, 'member', now())`,
          [victim, organizationId, `u-${victim}`],
        );
      },
      call: () =>
        auth.api.removeMember({ body: { memberIdOrEmail: victim, organizationId }, headers }),
    },
    {
      name: "members page (first)",
      call: () => auth.api.listMembers({ query: { organizationId, limit: 50 }, headers }),
    },
    {
      name: "members page (deep)",
      call: () =>
        auth.api.listMembers({ query: { organizationId, limit: 50, offset: middle }, headers }),
    },
  ];
}
