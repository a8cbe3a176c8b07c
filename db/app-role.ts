// The privileges of the application's database role (docs/security.md, "The
// application's database role"): it owns nothing, reads and writes the
// portal's tables, but may only append to the audit log — no UPDATE, DELETE
// or TRUNCATE of audit_log or audit_chain, and, not being the owner, no ALTER
// TABLE (so no DISABLE TRIGGER). audit_chain is written by its trigger as the
// owner (migration 0023), so the role only reads it (`audit verify`).
// Run as the owner after the migrations (`db grant-app ROLE`); the default
// privileges give the role the same on tables later migrations create.

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function isRoleName(name: string): boolean {
  return ROLE_NAME.test(name);
}

/** The statements, in order, for the current database and schema. `role` must pass isRoleName. */
export function appRoleGrants(role: string): string[] {
  if (!isRoleName(role)) throw new Error(`not a role name: ${role}`);
  const r = `"${role}"`;
  return [
    // The schema the migrations created the tables in (the first of the owner's search_path).
    `DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO ${r}', current_database()); EXECUTE format('GRANT USAGE ON SCHEMA %I TO ${r}', current_schema()); END $$`,
    `DO $$ BEGIN EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO ${r}', current_schema()); END $$`,
    `DO $$ BEGIN EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO ${r}', current_schema()); END $$`,
    `DO $$ BEGIN EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}', current_schema()); END $$`,
    `DO $$ BEGIN EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO ${r}', current_schema()); END $$`,
    // Which migrations are applied, so a server without MIGRATION_DATABASE_URL starts when none is pending (db/migrate-postgres.ts).
    `DO $$ BEGIN IF to_regclass('drizzle.__drizzle_migrations') IS NOT NULL THEN GRANT USAGE ON SCHEMA drizzle TO ${r}; GRANT SELECT ON drizzle.__drizzle_migrations TO ${r}; END IF; END $$`,
    // The audit log: append and read only; its chain: read only.
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM ${r}`,
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_chain FROM ${r}`,
  ];
}

export type GrantOutcome =
  | { ok: true; role: string; schema: string; owner: string }
  | { ok: false; reason: "no-role" | "owner" | "superuser"; owner: string };

/**
 * Connects as the owner (`ownerUrl`) and grants `role` the application's
 * privileges, in one transaction. Refuses a role that does not exist, that
 * owns the audit log, or that is a superuser (privileges would mean nothing).
 */
export async function grantAppRole(ownerUrl: string, role: string): Promise<GrantOutcome> {
  const { default: postgres } = await import("postgres");
  const sql = postgres(ownerUrl, { onnotice: () => {}, max: 1 });
  try {
    const [t] = await sql<{ owner: string; schema: string }[]>`
      select tableowner as owner, schemaname as schema from pg_tables where tablename = 'audit_log' and schemaname = current_schema()`;
    if (!t) throw new Error("audit_log not found in the current schema: run the migrations first");
    const [r] = await sql<{ super: boolean }[]>`select rolsuper as super from pg_roles where rolname = ${role}`;
    if (!r) return { ok: false, reason: "no-role", owner: t.owner };
    if (t.owner === role) return { ok: false, reason: "owner", owner: t.owner };
    if (r.super) return { ok: false, reason: "superuser", owner: t.owner };
    await sql.begin(async (tx) => {
      for (const statement of appRoleGrants(role)) await tx.unsafe(statement);
    });
    return { ok: true, role, schema: t.schema, owner: t.owner };
  } finally {
    await sql.end({ timeout: 5 });
  }
}
