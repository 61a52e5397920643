import { type Db, type OrgkitEvent, schema } from "@orgkit/core/server";
import { eq } from "drizzle-orm";

/**
 * The demo's `onEvent`: a removed member's sessions end (R25). orgkit refuses their requests
 * already; this signs them out of the host's own pages too. It runs from the event outbox, so
 * it happens even if the server stopped right after the removal committed. A member who left
 * stays signed in: the account is theirs, only the organization is not.
 */
export function endSessionsOnRemoval(db: Db) {
  return async (event: OrgkitEvent): Promise<void> => {
    if (event.type !== "member.removed" || !event.target.userId) return;
    await db.delete(schema.sessions).where(eq(schema.sessions.userId, event.target.userId));
  };
}
