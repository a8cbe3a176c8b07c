import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// The key files of the embedded database: the file I/O that lib/crypto/data-keys.ts
// (pure, reads the variables only) leaves to the layer that owns the data folder.

const LOCAL_KEY_FILES = { PORTAL_DATA_KEY: ".data-key", PORTAL_INDEX_KEY: ".index-key" } as const;

/**
 * The embedded database's keys when the environment sets none: generated once
 * beside the data (mode 0600, like `.auth-secret`), then read from there, so
 * `npm start` needs no setup. A deployment on PostgreSQL sets the variables
 * (and keeps the keys away from the database's backups).
 */
export function loadKeysBesideData(dataDir: string): void {
  for (const [name, file] of Object.entries(LOCAL_KEY_FILES)) {
    if (process.env[name]?.trim()) continue;
    const p = path.join(dataDir, file);
    if (!existsSync(p)) writeFileSync(p, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
    process.env[name] = readFileSync(p, "utf8").trim();
  }
}
