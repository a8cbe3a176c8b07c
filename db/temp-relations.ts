import { readdirSync, rmSync } from "node:fs";
import path from "node:path";

// A temporary table lives in files of its own (base/<db>/t<backend>_<relfilenode>,
// never WAL-logged). PostgreSQL drops them when the session ends, and the
// postmaster removes those of a crashed session at start (RemovePgTempFiles);
// PGlite has no postmaster, so a process killed during an import left its
// staging tables' files — names, sealed ID numbers, blind indexes — in the
// data folder for good, more with every crash
// (tests/integration/kill-during-bulk-jobs.test.ts). They belong to no session
// once the folder is ours (folder-lock.ts): removed here before PGlite opens
// it, with sort and hash spill files (pgsql_tmp) likewise.

const TEMP_RELATION = /^t\d+_\d+(?:_(?:fsm|vm|init))?(?:\.\d+)?$/;

/** Removes temporary relation files and spill files left in a PGlite folder; returns how many. */
export function removeLeftoverTempFiles(dataDir: string): number {
  let removed = 0;
  const base = path.join(dataDir, "base");
  let databases: string[];
  try {
    databases = readdirSync(base);
  } catch {
    return 0; // a new folder: nothing yet
  }
  for (const db of databases) {
    const dir = path.join(base, db);
    if (db === "pgsql_tmp") {
      rmSync(dir, { recursive: true, force: true });
      removed++;
      continue;
    }
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!TEMP_RELATION.test(name)) continue;
      rmSync(path.join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}
