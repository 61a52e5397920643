import { en } from "../messages/en";
import { translate } from "../messages/translate";
/**
 * orgkit's pages, relative to where the host mounts them: the one route table of the pages,
 * the emailed links and the page headers.
 */
export const PAGES = {
  organization: "",
  users: "users",
  activity: "activity",
  acceptInvitation: "invitations/accept",
  confirmTransfer: "ownership/confirm",
  confirmDeletion: "delete/confirm",
} as const;

export type OrgkitPage = keyof typeof PAGES;

/** The pages an emailed link opens, with its token in the address (R33, R40). */
export const LINK_PAGES = [
  "acceptInvitation",
  "confirmTransfer",
  "confirmDeletion",
] as const satisfies readonly OrgkitPage[];

/** Where the integration contract mounts the pages unless the host says otherwise. */
export const DEFAULT_BASE_PATH = "/settings/organization";

/**
 * The path of one page under the host's base path.
 *
 * @example
 * pagePath("acceptInvitation"); // "/settings/organization/invitations/accept"
 * pagePath("organization", "/team/"); // "/team"
 */
export function pagePath(page: OrgkitPage, basePath: string = DEFAULT_BASE_PATH): string {
  const base = basePath.replace(/\/+$/, "");
  const relative = PAGES[page];
  if (!relative) return base || "/";
  return `${base}/${relative}`;
}

/**
 * Which page a catch-all route's segments show, or null for none.
 *
 * @example
 * pageOf(["invitations", "accept"]); // "acceptInvitation"
 */
export function pageOf(slug: readonly string[]): OrgkitPage | null {
  const relative = slug.join("/");
  const found = (Object.keys(PAGES) as OrgkitPage[]).find((page) => PAGES[page] === relative);
  return found ?? null;
}

/** Each page's title, in the guide's words: its heading, and the document's title. */
export const PAGE_TITLES: Readonly<Record<OrgkitPage, string>> = en.common.pageTitles;

/**
 * The document title for a catch-all route's segments, for Next's `generateMetadata`.
 *
 * @example
 * pageTitle(["users"]); // "User management"
 * pageTitle(["nowhere"]); // "Not found"
 * pageTitle(["users"], "de"); // "Benutzerverwaltung"
 */
export function pageTitle(slug: readonly string[], locale = "en"): string {
  return translate(locale, "common", `pageTitles.${pageOf(slug) ?? "notFound"}`);
}
