import { messagesFor } from "@orgkit/core/messages";
import { pageTitle } from "@orgkit/core/policy";
import { OrgkitApp } from "@orgkit/ui";
import type { Metadata } from "next";

type Props = {
  params: Promise<{ slug?: string[] }>;
  searchParams: Promise<{ token?: string }>;
};

/** The viewer's language (a BCP 47 tag): orgkit ships "en" and "de". Read it from your user's profile. */
const LOCALE = "en";

/** Each page's own title: "User management", "Activity", … */
export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  return { title: pageTitle((await params).slug ?? [], LOCALE) };
}

/** orgkit's pages: Organization, User management, Activity, and the emailed links. */
export default async function OrganizationSettings({ params, searchParams }: Props) {
  const { slug = [] } = await params;
  const { token } = await searchParams;
  // The catalogue is read here, on the server: only the viewer's language reaches the browser.
  return <OrgkitApp slug={slug} token={token} locale={LOCALE} messages={messagesFor(LOCALE)} />;
}
