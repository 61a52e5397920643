"use server";
import { type Action, can } from "@orgkit/core/policy";
import { readMembership } from "@orgkit/core/server";
import { and, eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { auth } from "./auth";
import { endpoints } from "./endpoints";
import { getOrgkit } from "./orgkit";

/** The caller's active membership, allowed to do `action` by orgkit's policy, or an error. */
export async function authorize(action: Action) {
  const session = await auth();
  const { ctx } = await getOrgkit();
  const membership = session?.user?.id ? await readMembership(ctx, session.user.id) : null;
  if (membership?.status !== "ACTIVE") throw new Error("Activate organization first");
  if (!can(membership.role, action)) throw new Error(`${membership.role} cannot ${action}`);
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
  if (!name || !URL.canParse(url)) throw new Error("Enter a name and a valid URL");
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
