import { readDevMailbox } from "@orgkit/emails/server";
import { devMailboxEnabled } from "@/lib/config";
import { getOrgkit } from "@/lib/orgkit";

/** GET /api/dev/mailbox?to=<email>: the dev mailbox as JSON, newest first. */
export async function GET(request: Request) {
  if (!devMailboxEnabled()) return new Response("Not found", { status: 404 });
  const { database } = await getOrgkit();
  const to = new URL(request.url).searchParams.get("to") ?? undefined;
  return Response.json(await readDevMailbox(database.db, { to }));
}
