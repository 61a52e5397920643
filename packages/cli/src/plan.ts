import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const TEMPLATES = path.join(import.meta.dirname, "..", "templates");

export type PlannedFile = { path: string; content: string };
export type Plan = {
  files: PlannedFile[];
  env: string;
  auth: string | null;
  /** The app's own next.config when it does not use orgkit's page headers yet. */
  nextConfigToEdit: string | null;
};

const NEXT_CONFIGS = ["next.config.ts", "next.config.mjs", "next.config.js"];

export const ENV_BLOCK = `# orgkit
# A secret of at least 32 characters; next-auth's AUTH_SECRET serves both.
AUTH_SECRET=
# The app's public URL: emailed links point here.
APP_URL=http://localhost:3000
# PostgreSQL; without it orgkit runs on an embedded PGlite database in ORGKIT_DATA_DIR.
DATABASE_URL=
ORGKIT_DATA_DIR=.data/orgkit
# Resend; without it emails go to the dev mailbox table.
RESEND_API_KEY=
# The sender, on a domain verified with Resend, e.g. Acme <team@acme.com>.
EMAIL_FROM=
# Serverless only: at least 32 characters; protects the outbox's cron route.
CRON_SECRET=
# /orgkit
`;

function template(name: string, values: Record<string, string> = {}): string {
  const text = readFileSync(path.join(TEMPLATES, name), "utf8");
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? "");
}

/** Where the app keeps its code: `src/app` or `app`. */
function findAppDir(cwd: string): string {
  for (const dir of ["src/app", "app"]) if (existsSync(path.join(cwd, dir))) return dir;
  throw new Error(
    "No app/ or src/app/ folder here: run orgkit init inside a Next.js App Router app.",
  );
}

/** The module exporting next-auth's `auth()`, if the app has one. */
function findAuth(cwd: string): string | null {
  for (const candidate of ["auth.ts", "src/auth.ts", "lib/auth.ts", "src/lib/auth.ts"]) {
    const file = path.join(cwd, candidate);
    if (
      existsSync(file) &&
      /export\s+(const\s*\{[^}]*\bauth\b|(async\s+)?function\s+auth\b)/.test(
        readFileSync(file, "utf8"),
      )
    ) {
      return candidate;
    }
  }
  return null;
}

const importPath = (from: string, to: string) => {
  const relative = path.relative(path.dirname(from), to).replace(/\.tsx?$/, "");
  return relative.startsWith(".") ? relative : `./${relative}`;
};

/** The files `orgkit init` writes into the app at `cwd`. */
export function planInit(cwd: string): Plan {
  const appDir = findAppDir(cwd);
  const libDir = appDir.startsWith("src/") ? "src/lib" : "lib";
  const orgkitFile = `${libDir}/orgkit.ts`;
  const routeFile = `${appDir}/api/trpc/[trpc]/route.ts`;
  const auth = findAuth(cwd);
  const orgkit = template("orgkit.ts.tpl", {
    trpcImports: auth ? "fromNextAuth, type GetSessionUser" : "type GetSessionUser",
    authImport: auth ? `import { auth } from "${importPath(orgkitFile, auth)}";\n` : "",
    // Lazy: the host's auth module may import this one back.
    getUser: auth
      ? "(request) => fromNextAuth(auth)(request)"
      : "async () => {\n  // Return { id } of the signed-in user from your authentication, or null.\n  return null;\n}",
  });
  const existingConfig = NEXT_CONFIGS.find((name) => existsSync(path.join(cwd, name)));
  const usesHeaders =
    existingConfig !== undefined &&
    readFileSync(path.join(cwd, existingConfig), "utf8").includes("orgkitPageHeaders");
  return {
    auth,
    env: ENV_BLOCK,
    nextConfigToEdit: existingConfig && !usesHeaders ? existingConfig : null,
    files: [
      // R40: an app without a next.config gets one with orgkit's page headers.
      ...(existingConfig
        ? []
        : [{ path: "next.config.ts", content: template("next.config.ts.tpl") }]),
      {
        path: `${appDir}/settings/organization/[[...slug]]/page.tsx`,
        content: template("page.tsx.tpl"),
      },
      {
        path: routeFile,
        content: template("route.ts.tpl", { orgkitModule: importPath(routeFile, orgkitFile) }),
      },
      { path: orgkitFile, content: orgkit },
    ],
  };
}
