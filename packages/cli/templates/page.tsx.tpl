import { pageTitle } from "@orgkit/core/policy";
import { OrgkitApp } from "@orgkit/ui";
import type { Metadata } from "next";

type Props = {
  params: Promise<{ slug?: string[] }>;
  searchParams: Promise<{ token?: string }>;
};

/** Each page's own title: "User management", "Activity", … */
export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  return { title: pageTitle((await params).slug ?? []) };
}

/** orgkit's pages: Organization, User management, Activity, and the emailed links. */
export default async function OrganizationSettings({ params, searchParams }: Props) {
  const { slug = [] } = await params;
  const { token } = await searchParams;
  return <OrgkitApp slug={slug} token={token} />;
}
