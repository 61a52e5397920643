import { eq, sql } from "drizzle-orm";
import {
  checkUsername,
  decideActivation,
  normalizeOrganizationName,
  organizationNameKey,
} from "../../policy";
import { appendAudit } from "../audit-log";
import type { OrgkitContext } from "../context";
import { enforce, mapConflicts } from "../guard";
import { currentMembershipId } from "../membership";
import { members, organizations, users } from "../schema";

/** An owner's username inside the new organization, from their name or email. */
function ownerUsername(user: { name: string | null; email: string }): string {
  const base = (user.name ?? user.email.split("@")[0] ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "")
    .slice(0, 32);
  return checkUsername(base).allowed ? base : "owner";
}

/** R5–R7: a signed-in user in personal mode creates an organization and becomes its OWNER. */
export async function activateOrganization(
  ctx: OrgkitContext,
  actorUserId: string,
  input: { name: string },
) {
  const name = normalizeOrganizationName(input.name);
  const nameKey = organizationNameKey(name);
  return mapConflicts(
    () =>
      ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .select({
            email: users.email,
            userName: users.name,
            memberId: members.id,
            role: members.role,
            status: members.status,
            // A deleted organization's name is free again.
            nameTaken: sql<boolean>`exists (select 1 from ${organizations} where ${organizations.nameKey} = ${nameKey} and ${organizations.deletedAt} is null)`,
          })
          .from(users)
          .leftJoin(members, sql`${members.id} = ${currentMembershipId(actorUserId)}`)
          .where(eq(users.id, actorUserId));
        if (!row) throw new Error(`orgkit: no account ${actorUserId}`);
        const actor =
          row.memberId && row.role && row.status
            ? { id: row.memberId, role: row.role, status: row.status }
            : null;
        enforce(decideActivation({ actor, name, nameTaken: row.nameTaken }));

        const now = ctx.now();
        const [organization] = await tx
          .insert(organizations)
          .values({ name, nameKey, createdAt: now })
          .returning({ id: organizations.id, name: organizations.name });
        if (!organization) throw new Error("orgkit: organization insert returned nothing");
        const username = ownerUsername({ name: row.userName, email: row.email });
        const [member] = await tx
          .insert(members)
          .values({
            organizationId: organization.id,
            userId: actorUserId,
            username,
            role: "OWNER",
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: members.id });
        if (!member) throw new Error("orgkit: member insert returned nothing");
        await appendAudit(tx, {
          organizationId: organization.id,
          actorUserId,
          action: "organization.activated",
          targetType: "organization",
          targetId: organization.id,
          targetLabel: name,
          after: { name, owner: username },
          at: now,
        });
        return { organization, memberId: member.id, username };
      }),
    {
      organizations_name_key: "ORGANIZATION_NAME_TAKEN",
      members_user_active: "ALREADY_IN_ORGANIZATION",
    },
  );
}
