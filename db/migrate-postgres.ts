import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { migrationsFolder } from "./config";

// Migrations on PostgreSQL run as the tables' owner. In production the
// application connects (DATABASE_URL) as a role that owns nothing and may not
// alter the audit log (docs/security.md); MIGRATION_DATABASE_URL then names the
// owner, and this opens one short connection as the owner for the migrator
// alone. Unset: the application's own connection migrates (development, tests);
// if that role may not, it still starts when every migration is already
// recorded (run by hand as the owner), and otherwise says what to set.

export async function migratePostgres<T extends Record<string, unknown>>(appDb: PostgresJsDatabase<T>, migrationUrl: string | undefined): Promise<void> {
  if (!migrationUrl) {
    try {
      await migrate(appDb, { migrationsFolder: migrationsFolder() });
    } catch (err) {
      // A role that may not migrate (the application's own) starts when there is nothing to apply: the migrations were run by hand as the owner.
      if (sqlState(err) === "42501" && (await nothingPending(appDb))) return;
      if (sqlState(err) === "42501") {
        throw new Error(
          "数据库迁移被拒绝：DATABASE_URL 的角色不是表的所有者（应用角色无权修改表结构）。请设置 MIGRATION_DATABASE_URL 为所有者的连接（docs/security.md）",
          { cause: err },
        );
      }
      throw err;
    }
    return;
  }
  const owner = postgres(migrationUrl, { onnotice: () => {}, max: 1, connection: { application_name: "portal-migrate" } });
  try {
    await migrate(drizzle(owner), { migrationsFolder: migrationsFolder() });
  } finally {
    await owner.end({ timeout: 5 });
  }
}

/** Every migration of the folder is recorded (drizzle applies those newer than the last recorded one). */
async function nothingPending<T extends Record<string, unknown>>(db: PostgresJsDatabase<T>): Promise<boolean> {
  try {
    const rows = (await db.execute(sql`select max(created_at)::text as last from drizzle.__drizzle_migrations`)) as unknown as { last: string | null }[];
    const last = Number(rows[0]?.last ?? 0);
    return readMigrationFiles({ migrationsFolder: migrationsFolder() }).every((m) => m.folderMillis <= last);
  } catch {
    return false;
  }
}

/** PostgreSQL's SQLSTATE, also when drizzle wraps the driver's error. */
function sqlState(err: unknown): string | undefined {
  for (let e: unknown = err; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}
