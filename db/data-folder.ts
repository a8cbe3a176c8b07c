import { chmodSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";

// The embedded database's folder holds every person's data (its WAL included):
// only the portal's own user may read it. The process's umask is narrowed
// before PGlite opens it, so every file it writes is 0600 and every folder
// 0700; files left by an older version with wider modes are narrowed here,
// at open and again at close (PGlite's own chmod of its relation-cache files,
// which hold catalog data only, ignores the umask).

export function secureDataFolder(dataDir: string): void {
  process.umask(0o077);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  narrow(dataDir);
}

function narrow(dir: string): void {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) narrow(p);
    else if (entry.isFile()) chmodSync(p, 0o600);
  }
}
