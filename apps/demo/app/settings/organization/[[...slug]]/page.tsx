import { messagesFor } from "@orgkit/core/messages";
import { pageTitle } from "@orgkit/core/policy";
import { OrgkitApp } from "@orgkit/ui";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { viewerLocale } from "@/lib/locale";

type Props = {
  params: Promise<{ slug?: string[] }>;
  searchParams: Promise<{ token?: string }>;
};

/** Each page's own title ("User management · orgkit demo"). */
export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  return { title: pageTitle((await params).slug ?? [], await viewerLocale()) };
}

/** orgkit, mounted as a host would: one catch-all page. */
export default async function OrganizationSettings({ params, searchParams }: Props) {
  const { slug = [] } = await params;
  const { token } = await searchParams;
  const path = ["/settings/organization", ...slug].join("/");
  // The invitee has no account yet: the accept page is the one page open to everyone.
  if (path !== "/settings/organization/invitations/accept" && !(await auth())) {
    // R40: a link's token never rides along in a URL; after signing in, the owner opens
    // the emailed link again (the confirm page says so).
    redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
  const locale = await viewerLocale();
  // The catalogue is read here, on the server: only the viewer's language reaches the browser.
  return <OrgkitApp slug={slug} token={token} locale={locale} messages={messagesFor(locale)} />;
}
