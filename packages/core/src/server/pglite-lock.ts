import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { OrgkitConfigError } from "./config-error";

/** Raised when another process has the embedded database's folder open. */
export class DataDirLockedError extends OrgkitConfigError {
  readonly code = "DATA_DIR_LOCKED";
  constructor(dataDir: string, holder: string) {
    super(
      `the embedded database in ${path.resolve(dataDir)} is open in ${holder}. ` +
        "PGlite serves one process: stop that process, give this one its own ORGKIT_DATA_DIR, " +
        "or set DATABASE_URL to a PostgreSQL server to run several processes. If that process " +
        `is gone for good, delete ${path.resolve(dataDir)}.lock.`,
    );
    this.name = "DataDirLockedError";
  }
}

type Holder = { pid: number; host: string };

/** Lock files this process holds: a pid alone cannot tell, since a container restarts as pid 1. */
const held = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(file: string): Holder | null {
  try {
    const text = readFileSync(file, "utf8");
    const parsed = JSON.parse(text) as Partial<Holder>;
    return { pid: Number(parsed.pid), host: String(parsed.host ?? "") };
  } catch {
    return null;
  }
}

/**
 * Takes `<dataDir>.lock` for this process: a file naming its pid and host, created
 * exclusively. A lock left by a process of this host that is gone (killed, or an earlier run
 * of a container that restarted with the same pid) is taken over; a lock of another host
 * (two containers on one volume) is never taken over, since its process cannot be checked.
 *
 * @returns the function that releases the lock (also run when the process exits).
 * @throws DataDirLockedError when a live process, this one included, or another host holds it.
 * @example const release = lockDataDir(".data/orgkit"); // … release();
 */
export function lockDataDir(dataDir: string): () => void {
  const file = `${path.resolve(dataDir)}.lock`;
  const me: Holder = { pid: process.pid, host: hostname() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      writeFileSync(file, JSON.stringify(me), { flag: "wx" });
      held.add(file);
      const release = () => {
        process.off("exit", release);
        held.delete(file);
        rmSync(file, { force: true });
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = readHolder(file);
    if (held.has(file)) throw new DataDirLockedError(dataDir, "this process");
    if (holder && holder.host !== me.host) {
      throw new DataDirLockedError(dataDir, `process ${holder.pid} on host ${holder.host}`);
    }
    if (holder && holder.pid !== me.pid && isRunning(holder.pid)) {
      throw new DataDirLockedError(dataDir, `process ${holder.pid}`);
    }
    takeOverStale(file, holder);
  }
  throw new Error(`orgkit: could not take the lock ${file}`);
}

/**
 * Moves a stale lock aside, unless another process replaced it meanwhile: what is moved is
 * compared with what was judged stale, and put back when it differs.
 */
function takeOverStale(file: string, stale: Holder | null): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, aside);
  } catch {
    return; // Gone already: the next attempt creates it.
  }
  const moved = readHolder(aside);
  if (JSON.stringify(moved) !== JSON.stringify(stale) && moved) {
    try {
      linkSync(aside, file); // A fresh lock of another process: give it back.
    } catch {
      // Someone created the lock again meanwhile: theirs stands.
    }
  }
  rmSync(aside, { force: true });
}
