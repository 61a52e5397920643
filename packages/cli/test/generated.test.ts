import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { init } from "../src";

// Inside the package, so the generated code resolves the real @orgkit packages.
const cwd = path.join(import.meta.dirname, "..", ".generated", `app-${process.pid}`);

describe("generated code", () => {
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it("typechecks against the real orgkit packages, with a next-auth auth()", () => {
    mkdirSync(path.join(cwd, "app"), { recursive: true });
    writeFileSync(
      path.join(cwd, "auth.ts"),
      "export const { auth } = { auth: async (): Promise<{ user?: { id?: string } } | null> => null };\n",
    );
    writeFileSync(
      path.join(cwd, "tsconfig.json"),
      JSON.stringify({
        extends: "../../../../tsconfig.base.json",
        compilerOptions: { jsx: "react-jsx" },
        include: ["**/*.ts", "**/*.tsx"],
      }),
    );
    expect(init({ cwd, log: () => {} })).toBe(0);
    const tsc = path.join(import.meta.dirname, "..", "node_modules", ".bin", "tsc");
    const run = () => execFileSync(tsc, ["--noEmit", "-p", cwd], { encoding: "utf8" });
    expect(run).not.toThrow();
  });
});
