"use server";
import { type Action, checkText, decideAction, type ReasonCode } from "@orgkit/core/policy";
import { readMembership } from "@orgkit/core/server";
import { and, eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { auth } from "./auth";
import { endpoints } from "./endpoints";
import { getOrgkit } from "./orgkit";

/** Back to the page with the policy's reason: a refusal is an answer, not a server error. */
function refuse(reason: ReasonCode): never {
  redirect(`/endpoints?refused=${reason}`);
}

/** The caller's active membership, allowed to do `action` by orgkit's policy (R2, R4). */
export async function authorize(action: Action) {
  const session = await auth();
  if (!session?.user?.id) redirect("/signin?callbackUrl=/endpoints");
  const { ctx } = await getOrgkit();
  const membership = await readMembership(ctx, session.user.id);
  const decision = decideAction(membership, action);
  if (!decision.allowed) refuse(decision.reason);
  if (!membership) throw new Error("unreachable: the policy requires a member");
  return { db: ctx.db, membership };
}

export async function createEndpoint(formData: FormData) {
  const { db, membership } = await authorize("endpoint:create");
  const name = String(formData.get("name") ?? "")
    .trim()
    .slice(0, 100);
  const url = String(formData.get("url") ?? "")
    .trim()
    .slice(0, 500);
  if (!checkText(name).allowed || !checkText(url).allowed) refuse("TEXT_INVALID");
  if (!name || !URL.canParse(url)) refuse("INPUT_INVALID");
  await db.insert(endpoints).values({ organizationId: membership.organizationId, name, url });
  revalidatePath("/endpoints");
}

export async function deleteEndpoint(formData: FormData) {
  const { db, membership } = await authorize("endpoint:delete");
  await db
    .delete(endpoints)
    .where(
      and(
        eq(endpoints.id, String(formData.get("id"))),
        eq(endpoints.organizationId, membership.organizationId),
      ),
    );
  revalidatePath("/endpoints");
}
