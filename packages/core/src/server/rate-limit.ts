import { and, eq, sql } from "drizzle-orm";
import { PolicyError } from "../policy";
import type { OrgkitContext } from "./context";
import type { Queryable } from "./db";
import { reusableShapes } from "./reusable";
import { rateLimits } from "./schema";

export type RateLimit = { readonly limit: number; readonly windowMs: number };

/** Defaults for sending invitations (R37), per actor and per organization. */
export const INVITE_RATE_LIMITS = {
  perActor: { limit: 30, windowMs: 10 * 60 * 1000 },
  perOrganization: { limit: 200, windowMs: 10 * 60 * 1000 },
} as const satisfies Record<string, RateLimit>;

/**
 * Counts one request against a fixed window kept in the database, so the limit
 * holds across app instances (R37). Throws RATE_LIMITED with the seconds to wait.
 */
export async function consumeRateLimit(
  ctx: OrgkitContext,
  key: string,
  limit: RateLimit,
  db: Queryable = ctx.db,
): Promise<{ remaining: number }> {
  const [remaining = 0] = await consumeRateLimits(ctx, [{ key, ...limit }], db);
  return { remaining };
}

/** `consumeRateLimits`'s statement for a number of windows. */
const countStatement = reusableShapes<number, { key: string; count: number }[]>(
  (windows) => (db) =>
    db
      .insert(rateLimits)
      .values(
        Array.from({ length: windows }, (_, i) => ({
          key: sql.placeholder(`key${i}`),
          windowStart: sql.placeholder(`windowStart${i}`),
          count: 1,
        })),
      )
      .onConflictDoUpdate({
        target: [rateLimits.key, rateLimits.windowStart],
        set: { count: sql`${rateLimits.count} + 1` },
      })
      .returning({ key: rateLimits.key, count: rateLimits.count }),
);

/**
 * Counts one request against several fixed windows at once, in one statement (each key its own
 * row and window). Returns what is left of each, in the given order.
 *
 * @throws PolicyError("RATE_LIMITED") with the longest `retryAfterSeconds` of the spent ones.
 * @example await consumeRateLimits(ctx, [{ key: "invite:actor:u1", limit: 30, windowMs: 600_000 }]);
 */
export async function consumeRateLimits(
  ctx: OrgkitContext,
  limits: readonly ({ key: string } & RateLimit)[],
  db: Queryable = ctx.db,
): Promise<number[]> {
  const now = ctx.now().getTime();
  const windows = limits.map(({ key, windowMs }) => ({
    key,
    windowStart: new Date(now - (now % windowMs)),
  }));
  const rows = await countStatement(windows.length)(
    db,
    Object.fromEntries(
      windows.flatMap(({ key, windowStart }, i) => [
        [`key${i}`, key],
        [`windowStart${i}`, windowStart],
      ]),
    ),
  );
  const counts = new Map(rows.map((row) => [row.key, row.count]));
  let retryAfterSeconds = 0;
  const remaining = limits.map(({ key, limit, windowMs }, i) => {
    const count = counts.get(key) ?? 1;
    if (count > limit) {
      const end = (windows[i]?.windowStart.getTime() ?? now) + windowMs;
      retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil((end - now) / 1000));
    }
    return limit - count;
  });
  if (retryAfterSeconds > 0) throw new PolicyError("RATE_LIMITED", { retryAfterSeconds });
  return remaining;
}

/**
 * R37: one invitation email (invite or resend) that the policy allowed spends the actor's and
 * the organization's budget, inside the change's transaction: a refusal, or a change that rolls
 * back, spends nothing. Limits come from `createContext({ inviteRateLimits })`.
 *
 * @throws PolicyError("RATE_LIMITED") with `retryAfterSeconds` when either budget is spent.
 */
export async function spendInviteBudget(
  ctx: OrgkitContext,
  tx: Queryable,
  actorUserId: string,
  organizationId: string,
): Promise<void> {
  const { perActor, perOrganization } = ctx.inviteRateLimits;
  await consumeRateLimits(
    ctx,
    [
      { key: `invite:actor:${actorUserId}`, ...perActor },
      { key: `invite:organization:${organizationId}`, ...perOrganization },
    ],
    tx,
  );
}

/**
 * R37: how many more invitations the actor may send now: the smaller of what is left of the
 * actor's and the organization's budgets in their current windows. Read under the
 * organization's lock, it stays exact until the transaction ends (only invitations of this
 * organization, all written under its lock, spend the organization's budget; an actor
 * belongs to one organization).
 */
export async function remainingInviteBudget(
  ctx: OrgkitContext,
  tx: Queryable,
  actorUserId: string,
  organizationId: string,
): Promise<number> {
  const { perActor, perOrganization } = ctx.inviteRateLimits;
  const now = ctx.now().getTime();
  const left = async (key: string, { limit, windowMs }: RateLimit) => {
    const [row] = await tx
      .select({ count: rateLimits.count })
      .from(rateLimits)
      .where(
        and(eq(rateLimits.key, key), eq(rateLimits.windowStart, new Date(now - (now % windowMs)))),
      );
    return Math.max(0, limit - (row?.count ?? 0));
  };
  return Math.min(
    await left(`invite:actor:${actorUserId}`, perActor),
    await left(`invite:organization:${organizationId}`, perOrganization),
  );
}
