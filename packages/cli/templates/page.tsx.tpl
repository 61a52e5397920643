import { OrgkitApp } from "@orgkit/ui";

type Props = {
  params: Promise<{ slug?: string[] }>;
  searchParams: Promise<{ token?: string }>;
};

/** orgkit's pages: Organization, User management, Activity, and the emailed links. */
export default async function OrganizationSettings({ params, searchParams }: Props) {
  const { slug = [] } = await params;
  const { token } = await searchParams;
  return <OrgkitApp slug={slug} token={token} />;
}
