import { readDevMailbox } from "@orgkit/emails/server";
import { getOrgkit } from "../../../../lib/orgkit";

export async function GET(request: Request) {
  const { ctx } = await getOrgkit();
  const to = new URL(request.url).searchParams.get("to") ?? undefined;
  return Response.json(await readDevMailbox(ctx.db, { to }));
}
