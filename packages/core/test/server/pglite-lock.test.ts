import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, openDatabase } from "../../src/server";
import { lockDataDir } from "../../src/server/pglite-lock";

const folder = () => path.join(mkdtempSync(path.join(tmpdir(), "orgkit-lock-")), "data");

describe("the embedded database's folder lock", () => {
  it("R31 one holder per folder: a second open in this process is refused, a release frees it", () => {
    const dir = folder();
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/open in this process/);
    release();
    // Positive control: free again once released.
    lockDataDir(dir)();
  });

  it("R31 a live process of this host keeps it; once that process is gone it is taken over", async () => {
    const dir = folder();
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      writeFileSync(`${dir}.lock`, JSON.stringify({ pid: other.pid, host: hostname() }));
      expect(() => lockDataDir(dir)).toThrow(`open in process ${other.pid}.`);
    } finally {
      const exited = new Promise((resolve) => other.once("exit", resolve));
      other.kill("SIGKILL");
      await exited;
    }
    const release = lockDataDir(dir);
    expect(JSON.parse(readFileSync(`${dir}.lock`, "utf8"))).toEqual({
      pid: process.pid,
      host: hostname(),
    });
    release();
  });

  it("R31 a lock left with this very pid by an earlier run (a restarted container) is taken over", () => {
    const dir = folder();
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid: process.pid, host: hostname() }));
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(/this process/);
    release();
  });

  it("R31 a lock of another host (two containers on one volume) is never taken over", () => {
    const dir = folder();
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid: 1, host: "another-container" }));
    expect(() => lockDataDir(dir)).toThrow("open in process 1 on host another-container");
    expect(() => lockDataDir(dir)).toThrow(`delete ${dir}.lock`);
  });

  it("R31 openDatabase on a folder another open holds says which folder and what to do", async () => {
    const dir = folder();
    const first = await openDatabase({ dataDir: dir });
    try {
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(path.resolve(dir));
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/DATABASE_URL/);
    } finally {
      await first.close();
    }
    // Positive control: closed, it opens again.
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  });
});
