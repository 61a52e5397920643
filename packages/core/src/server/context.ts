import { OrgkitConfigError } from "./config-error";
import type { Db } from "./db";
import { INVITE_RATE_LIMITS, type RateLimit } from "./rate-limit";

export type InviteRateLimits = {
  readonly perActor: RateLimit;
  readonly perOrganization: RateLimit;
};

/** What every service function needs: the database, the time and the server secret. */
export type OrgkitContext = {
  readonly db: Db;
  /** Injectable clock, so expiry rules can be tested. */
  readonly now: () => Date;
  /** Seals link tokens inside queued emails; at least 32 characters. */
  readonly secret: string;
  /** R37: invitation emails (invite and resend) per actor and per organization. */
  readonly inviteRateLimits: InviteRateLimits;
};

/**
 * What every service takes first.
 *
 * - `secret`: at least 32 characters.
 * - `inviteRateLimits`: default 30 per actor and 200 per organization every 10 minutes; they
 *   hold for every caller of `inviteUser` and `resendInvitation`, the tRPC API included.
 *
 * @throws OrgkitConfigError when the secret is shorter than 32 characters.
 * @example
 * const ctx = createContext({ db: database.db, secret: process.env.AUTH_SECRET! });
 */
export function createContext(options: {
  db: Db;
  secret: string;
  now?: () => Date;
  inviteRateLimits?: Partial<InviteRateLimits>;
}): OrgkitContext {
  if (options.secret.length < 32)
    throw new OrgkitConfigError("the secret needs at least 32 characters");
  return {
    db: options.db,
    secret: options.secret,
    now: options.now ?? (() => new Date()),
    inviteRateLimits: { ...INVITE_RATE_LIMITS, ...options.inviteRateLimits },
  };
}
