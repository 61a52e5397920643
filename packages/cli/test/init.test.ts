import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { init } from "../src";

function app(files: Record<string, string> = {}) {
  const cwd = mkdtempSync(path.join(tmpdir(), "orgkit-init-"));
  mkdirSync(path.join(cwd, "app"), { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(cwd, name)), { recursive: true });
    writeFileSync(path.join(cwd, name), content);
  }
  return cwd;
}

const run = (cwd: string, dryRun = false) => {
  const lines: string[] = [];
  const code = init({ cwd, dryRun, log: (line) => lines.push(line) });
  return { code, out: lines.join("\n") };
};
const read = (cwd: string, name: string) => readFileSync(path.join(cwd, name), "utf8");
const PAGE = "app/settings/organization/[[...slug]]/page.tsx";
const ROUTE = "app/api/trpc/[trpc]/route.ts";

describe("orgkit init", () => {
  it("adds the catch-all page, the API route, the set-up and the .env.example block", () => {
    const cwd = app({ "auth.ts": "export const { handlers, auth, signIn } = NextAuth({});\n" });
    const { code, out } = run(cwd);
    expect(code).toBe(0);
    expect(read(cwd, PAGE)).toContain("<OrgkitApp slug={slug} token={token} locale={LOCALE}");
    expect(read(cwd, ROUTE)).toContain('from "../../../../lib/orgkit"');
    expect(read(cwd, "lib/orgkit.ts")).toContain('import { auth } from "../auth";');
    expect(read(cwd, "lib/orgkit.ts")).toContain("fromNextAuth(auth)(request)");
    expect(read(cwd, ".env.example")).toContain("AUTH_SECRET=");
    expect(out).toContain("session: next-auth's auth() from auth.ts");
    expect(out).toContain("What is left");
  });

  it("R40 writes a next.config with orgkit's page headers, or says what to add to the app's own", () => {
    const fresh = app();
    expect(run(fresh).code).toBe(0);
    expect(read(fresh, "next.config.ts")).toContain('orgkitPageHeaders("/settings/organization")');
    const own = app({ "next.config.mjs": "export default { reactStrictMode: true };\n" });
    const { code, out } = run(own);
    expect(code).toBe(0);
    expect(read(own, "next.config.mjs")).toBe("export default { reactStrictMode: true };\n");
    expect(out).toContain("Add orgkit's page headers to it");
    // Once the app uses them, nothing is said.
    const done = app({
      "next.config.ts": "import { orgkitPageHeaders } from '@orgkit/trpc/headers';\n",
    });
    expect(run(done).out).not.toContain("Add orgkit's page headers");
  });

  it("is idempotent: a second run changes nothing", () => {
    const cwd = app({ ".env.example": "EXISTING=1\n" });
    expect(run(cwd).code).toBe(0);
    const before = [PAGE, ROUTE, "lib/orgkit.ts", ".env.example"].map((name) => read(cwd, name));
    const second = run(cwd);
    expect(second.code).toBe(0);
    expect(second.out).toContain(`unchanged ${PAGE}`);
    expect([PAGE, ROUTE, "lib/orgkit.ts", ".env.example"].map((name) => read(cwd, name))).toEqual(
      before,
    );
    expect(read(cwd, ".env.example").startsWith("EXISTING=1\n\n# orgkit")).toBe(true);
  });

  it("never overwrites a file the developer changed: it shows the diff and writes nothing", () => {
    const cwd = app();
    run(cwd);
    const changed = read(cwd, ROUTE).replace("signInAfterAccept,", "signInAfterAccept: mine,");
    writeFileSync(path.join(cwd, ROUTE), changed);
    writeFileSync(path.join(cwd, "lib/orgkit.ts"), "");
    const { code, out } = run(cwd);
    expect(code).toBe(1);
    expect(out).toMatch(/^- +signInAfterAccept: mine,$/m);
    expect(out).toMatch(/^\+ +signInAfterAccept,$/m);
    expect(out).toContain("nothing was written");
    expect(read(cwd, ROUTE)).toBe(changed);
    expect(read(cwd, "lib/orgkit.ts")).toBe("");
  });

  it("--dry-run says what it would do and writes nothing", () => {
    const cwd = app();
    const { code, out } = run(cwd, true);
    expect(code).toBe(0);
    expect(out).toContain(`would create ${PAGE}`);
    expect(() => read(cwd, PAGE)).toThrow();
  });

  it("uses src/app and src/lib, and leaves the session to fill in without next-auth", () => {
    const cwd = mkdtempSync(path.join(tmpdir(), "orgkit-init-"));
    mkdirSync(path.join(cwd, "src", "app"), { recursive: true });
    const { code, out } = run(cwd);
    expect(code).toBe(0);
    expect(read(cwd, "src/lib/orgkit.ts")).toContain("Return { id } of the signed-in user");
    expect(read(cwd, "src/lib/orgkit.ts")).not.toContain("fromNextAuth");
    expect(out).toContain("no next-auth auth() found");
  });

  it("refuses a folder without an App Router app", () => {
    const cwd = mkdtempSync(path.join(tmpdir(), "orgkit-init-"));
    expect(() => run(cwd)).toThrow(/App Router/);
  });
});
