import type { OrgkitContext } from "@orgkit/core/server";

/** The signed-in user as the host's authentication reports it, or null. */
export type SessionUser = { id: string };

/** Returns the signed-in user of a request. next-auth's `auth()` fits through `fromNextAuth`. */
export type GetSessionUser = (request: Request) => Promise<SessionUser | null>;

export type ApiContext = {
  orgkit: OrgkitContext;
  /** From the host's session, never from the request body (R4). */
  user: SessionUser | null;
  /** Runs after each committed mutation: hands the outbox to the email worker. */
  afterCommit: () => void;
  /** Signs a person in right after they accepted an invitation; returns where to send them. */
  signInAfterAccept: (user: { id: string; email: string }) => Promise<string>;
};

/**
 * Adapts next-auth v5's `auth()` to orgkit.
 *
 * @example
 * getUser: fromNextAuth(auth)
 */
export function fromNextAuth(
  auth: () => Promise<{ user?: { id?: string | null } | null } | null>,
): GetSessionUser {
  return async () => {
    const session = await auth();
    const id = session?.user?.id;
    return id ? { id } : null;
  };
}
