import { setupDatabase } from "@/seed/setup-database";
import { CliUsageError, type CliCommand } from "../command";
import { withDatabase } from "../with-database";

export const dbSetupCommand: CliCommand = {
  name: "db setup",
  usage: "db setup",
  summary: "应用数据库迁移；空库时导入示范县数据（可重复执行）",
  async run(args, io) {
    if (args.length > 0) throw new CliUsageError(`db setup takes no arguments, got "${args[0]}"`);
    await withDatabase(async (handle) => {
      const result = await setupDatabase(handle);
      const where = handle.config.kind === "postgres" ? "PostgreSQL" : `PGlite ${handle.config.dataDir}`;
      const seeded = result.seeded
        ? `seeded ${Object.entries(result.counts).map(([k, v]) => `${v} ${k}`).join(", ")}`
        : "already seeded, nothing to add";
      io.stdout(`database ready on ${where}: migrations applied; ${seeded}\n`);
    });
    return 0;
  },
};
