import { schema } from "@orgkit/core/server";
import { eq } from "drizzle-orm";
import { getOrgkit } from "./orgkit";

/** Ends every session of an account on the server (the demo's `onMemberRemoved`). */
export async function endSessions(userId: string): Promise<void> {
  const { database } = await getOrgkit();
  await database.db.delete(schema.sessions).where(eq(schema.sessions.userId, userId));
}
