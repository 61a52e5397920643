import { type Db, type OrgkitEvent, schema } from "@orgkit/core/server";
import { and, eq, inArray, ne } from "drizzle-orm";

/**
 * The demo's `onEvent`: members whose membership someone else ended are signed out of the
 * host's own pages too (orgkit already refuses their requests, R25):
 * - `member.removed`: the removed member's sessions end;
 * - `organization.deleted`: every member's sessions end, except the owner's who deleted it.
 *
 * The person who acted stays signed in: a member who left, or the owner who deleted, is shown
 * where they are now (personal mode) on the page they acted from. It runs from the event
 * outbox, so it happens even if the server stopped right after the change committed.
 */
export function endSessionsOnRemoval(db: Db) {
  return async (event: OrgkitEvent): Promise<void> => {
    if (event.type === "member.removed" && event.target.userId) {
      await db.delete(schema.sessions).where(eq(schema.sessions.userId, event.target.userId));
    }
    if (event.type === "organization.deleted") {
      const { members } = schema;
      const former = db
        .select({ userId: members.userId })
        .from(members)
        .where(
          and(
            eq(members.organizationId, event.organizationId),
            eq(members.removalReason, "DELETED"),
            ne(members.userId, event.actor.userId ?? ""),
          ),
        );
      await db.delete(schema.sessions).where(inArray(schema.sessions.userId, former));
    }
  };
}
