import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { lineDiff } from "./diff";
import { ENV_BLOCK, planInit } from "./plan";

export type InitOptions = { cwd: string; dryRun?: boolean; log?: (line: string) => void };

const NEXT_STEPS = `
What is left:
  1. npm install @orgkit/core @orgkit/trpc @orgkit/ui @orgkit/emails (and their peers:
     next, react, react-dom, next-auth, drizzle-orm, @trpc/server, @trpc/client,
     @trpc/tanstack-react-query, @tanstack/react-query); @electric-sql/pglite only for the
     embedded database (no DATABASE_URL).
  2. Styles: without Tailwind, import "@orgkit/ui/styles.css" in the root layout. With
     Tailwind 4, in your global CSS: @import "@orgkit/ui/theme.css"; and
     @source "../node_modules/@orgkit/ui/dist";
  3. Fill in .env from .env.example; signInAfterAccept in lib/orgkit.ts decides how a new
     member signs in after accepting an invitation.`;

/**
 * Adds orgkit to the Next.js app at `cwd`. Never overwrites a file that differs from what
 * it would write: it shows the difference and stops, writing nothing. Running it twice
 * changes nothing. Returns the process exit code.
 */
export function init({ cwd, dryRun = false, log = console.info }: InitOptions): number {
  const plan = planInit(cwd);
  const writes: { file: string; content: string; action: string }[] = [];
  let conflicts = 0;
  for (const planned of plan.files) {
    const file = path.join(cwd, planned.path);
    if (!existsSync(file)) {
      writes.push({ file, content: planned.content, action: `create ${planned.path}` });
      continue;
    }
    const current = readFileSync(file, "utf8");
    if (current === planned.content) {
      log(`unchanged ${planned.path}`);
      continue;
    }
    conflicts += 1;
    log(
      `${planned.path} differs from what orgkit init writes; left as it is:\n${lineDiff(current, planned.content)}`,
    );
  }
  const envFile = path.join(cwd, ".env.example");
  const env = existsSync(envFile) ? readFileSync(envFile, "utf8") : "";
  if (env.includes(ENV_BLOCK)) log("unchanged .env.example");
  else if (env.includes("# orgkit\n")) {
    conflicts += 1;
    log(".env.example has an orgkit block that differs; left as it is.");
  } else {
    const separator = env === "" || env.endsWith("\n\n") ? "" : env.endsWith("\n") ? "\n" : "\n\n";
    writes.push({
      file: envFile,
      content: `${env}${separator}${ENV_BLOCK}`,
      action: "add the orgkit block to .env.example",
    });
  }
  if (conflicts > 0) {
    log(
      `\n${conflicts} file(s) changed by you: nothing was written. Merge the difference by hand, or move the file away and run orgkit init again.`,
    );
    return 1;
  }
  for (const write of writes) {
    log(`${dryRun ? "would " : ""}${write.action}`);
    if (dryRun) continue;
    mkdirSync(path.dirname(write.file), { recursive: true });
    writeFileSync(write.file, write.content);
  }
  log(
    plan.auth
      ? `session: next-auth's auth() from ${plan.auth}`
      : "session: no next-auth auth() found; fill in getSessionUser in lib/orgkit.ts",
  );
  if (plan.nextConfigToEdit) {
    log(
      `\n${plan.nextConfigToEdit} is yours, so it was left as it is. Add orgkit's page headers to it (R40):\n` +
        `  import { orgkitPageHeaders } from "@orgkit/trpc/headers";\n` +
        `  async headers() { return [...orgkitPageHeaders("/settings/organization")]; },`,
    );
  }
  log(NEXT_STEPS);
  return 0;
}
