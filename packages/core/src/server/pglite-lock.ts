import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Raised when another process has the embedded database's folder open. */
export class DataDirLockedError extends Error {
  readonly code = "DATA_DIR_LOCKED";
  constructor(dataDir: string, pid: number) {
    super(
      `orgkit: the embedded database in ${path.resolve(dataDir)} is open in process ${pid}. ` +
        "PGlite serves one process: stop that process, give this one its own ORGKIT_DATA_DIR, " +
        "or set DATABASE_URL to a PostgreSQL server to run several processes.",
    );
    this.name = "DataDirLockedError";
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes `<dataDir>.lock` for this process: a file holding its pid, created exclusively. A lock
 * whose process is gone is taken over. Returns the function that releases it.
 *
 * @throws DataDirLockedError when a live process holds the folder.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = `${path.resolve(dataDir)}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      const release = () => {
        process.off("exit", release);
        rmSync(file, { force: true });
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(file, "utf8"));
      if (holder && holder !== process.pid && isRunning(holder)) {
        throw new DataDirLockedError(dataDir, holder);
      }
      if (holder === process.pid) throw new DataDirLockedError(dataDir, holder);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`orgkit: could not take the lock ${file}`);
}
