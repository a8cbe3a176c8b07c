import path from "node:path";

// One database configuration for the server, the CLI and the tests:
// DATABASE_URL → PostgreSQL through postgres.js; otherwise the embedded
// PGlite under DATA_DIR (default ./data), so `npm start` needs no server.
// DATABASE_READ_URL (PostgreSQL only) names a streaming read replica that the
// dashboard and report queries read (lib/statistics/stats-db.ts,
// docs/scaling.md); PGlite has no replica and ignores it.
// MIGRATION_DATABASE_URL (PostgreSQL only) names the tables' owner, whom the
// migrator connects as, while DATABASE_URL is the application's role, which
// owns nothing (docs/security.md, the audit log); unset: DATABASE_URL migrates.
export type DbConfig =
  | { kind: "postgres"; url: string; readUrl?: string; migrationUrl?: string }
  | { kind: "pglite"; dataDir: string };

export function dbConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DbConfig {
  const url = env.DATABASE_URL?.trim();
  const readUrl = env.DATABASE_READ_URL?.trim();
  const migrationUrl = env.MIGRATION_DATABASE_URL?.trim();
  if (url) return { kind: "postgres", url, ...(readUrl ? { readUrl } : {}), ...(migrationUrl ? { migrationUrl } : {}) };
  return { kind: "pglite", dataDir: path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR?.trim() || "./data") };
}

/** Where the migrations live; resolved from the working directory because Next bundles move __dirname. */
export function migrationsFolder(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.MIGRATIONS_DIR ?? path.join(process.cwd(), "db/migrations"));
}
