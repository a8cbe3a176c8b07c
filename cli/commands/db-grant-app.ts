import { dbConfigFromEnv } from "@/db/config";
import { grantAppRole, isRoleName } from "@/db/app-role";
import { openDb } from "@/db/client";
import { migrateDatabase } from "@/db/setup";
import { CliInputError, CliUsageError, type CliCommand } from "../command";

// PostgreSQL in production: the application connects as a role that owns
// nothing (docs/security.md). Run as the owner — MIGRATION_DATABASE_URL, else
// DATABASE_URL — after creating the role (CREATE ROLE portal_app LOGIN PASSWORD
// '…'); applies pending migrations first, then grants. Safe to run again.
export const dbGrantAppCommand: CliCommand = {
  name: "db grant-app",
  usage: "db grant-app ROLE",
  summary: "PostgreSQL：以表的所有者授予应用角色 ROLE 读写业务表、只可追加审计日志的权限（所有者取 MIGRATION_DATABASE_URL，否则 DATABASE_URL）",
  async run(args, io) {
    if (args.length !== 1) throw new CliUsageError("db grant-app takes one argument: the application's role name");
    const role = args[0]!;
    if (!isRoleName(role)) throw new CliInputError(`ROLE: "${role}" is not a role name (lower-case letters, digits and _, starting with a letter or _)`);
    const config = dbConfigFromEnv();
    if (config.kind !== "postgres") {
      throw new CliInputError("db grant-app: the embedded database (PGlite) has a single superuser and no roles to grant; use PostgreSQL with DATABASE_URL (docs/security.md)");
    }
    // Pending migrations first, all as the owner (the role may not read the tables yet).
    const ownerUrl = config.migrationUrl ?? config.url;
    const owner = await openDb({ kind: "postgres", url: ownerUrl });
    try {
      await migrateDatabase(owner);
    } finally {
      await owner.close();
    }
    const r = await grantAppRole(ownerUrl, role);
    if (!r.ok) {
      if (r.reason === "no-role") throw new CliInputError(`ROLE: role "${role}" does not exist; create it first (CREATE ROLE ${role} LOGIN PASSWORD '…')`);
      if (r.reason === "owner") throw new CliInputError(`ROLE: "${role}" owns the tables; the application's role must own nothing (migrations run as the owner, "${r.owner}")`);
      throw new CliInputError(`ROLE: "${role}" is a superuser; the application's role must be an ordinary role`);
    }
    io.stdout(`${JSON.stringify(r)}\n`);
    return 0;
  },
};
