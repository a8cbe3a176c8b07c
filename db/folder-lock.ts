import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

// PGlite does not lock its folder, and two processes on one folder lose rows
// silently (docs/development.md). So every process that opens the folder takes this
// lock file first and refuses a folder whose lock names a live process.

export class DatabaseLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `数据目录 ${dataDir} 正被另一个进程（PID ${pid}，通常是正在运行的门户服务器）使用。` +
        `嵌入式数据库同一时间只允许一个进程打开：请先停止该进程，或设置 DATABASE_URL 改用 PostgreSQL。`,
    );
  }
}

/**
 * True while a process with this pid exists on this machine (EPERM: it exists
 * but belongs to another user). The one liveness check for stale locks here and
 * for upload folders of crashed processes (lib/uploads/upload-temp.ts).
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

const LOCK_NAME = "portal.lock";

/** Takes the folder's lock or throws DatabaseLockedError; returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(file, "utf8") === String(process.pid)) rmSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = Number(readFileSync(file, "utf8").trim());
      if (holder === process.pid) return () => {};
      if (Number.isInteger(holder) && holder > 0 && processAlive(holder)) throw new DatabaseLockedError(dataDir, holder);
      rmSync(file, { force: true }); // stale lock of a dead process
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}
