import { shippedLocale } from "../../messages/locales";
import type { InvitationRole } from "../../policy";
import type { OrgkitContext } from "../context";
import type { OutboxEntry } from "../outbox";
import { sealToken } from "../tokens";

/** The invitation email's outbox entry; the link token travels sealed (R33, R38). */
export function invitationEmail(
  ctx: OrgkitContext,
  invitation: {
    id: string;
    organizationId: string;
    organizationName: string;
    inviterUsername: string;
    email: string;
    username: string;
    role: InvitationRole;
    expiresAt: Date;
    version: number;
    locale: string;
  },
  token: string,
  at: Date,
): OutboxEntry {
  return {
    organizationId: invitation.organizationId,
    template: "invitation",
    to: invitation.email,
    subjectId: invitation.id,
    payload: {
      locale: shippedLocale(invitation.locale),
      organizationName: invitation.organizationName,
      inviterUsername: invitation.inviterUsername,
      username: invitation.username,
      role: invitation.role,
      expiresAt: invitation.expiresAt.toISOString(),
      version: invitation.version,
      sealedToken: sealToken(ctx.secret, token),
    },
    at,
  };
}
