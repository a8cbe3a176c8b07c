import { AppError } from "@/lib/errors/app-error";
import { runMonitoring } from "@/lib/monitoring/run-monitoring";
import { cliContext } from "../cli-actor";
import { CliInputError, CliUsageError, type CliCommand } from "../command";
import { withDatabase } from "../with-database";

const USAGE = "monitoring run [--year YYYY]";

export const monitoringRunCommand: CliCommand = {
  name: "monitoring run",
  usage: USAGE,
  summary: "因病返贫致贫监测：按在用政策的监测规则评估本年度（或指定年度）每人的费用负担，生成预警（JSON）",
  async run(args, io) {
    let year: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      const eq = arg.indexOf("=");
      const key = eq < 0 ? arg : arg.slice(0, eq);
      if (key !== "--year") throw new CliUsageError(`unknown argument "${arg}" (usage: ${USAGE})`);
      if (year !== undefined) throw new CliUsageError("--year given twice");
      const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined) throw new CliUsageError(`--year needs a four-digit year (usage: ${USAGE})`);
      if (!/^\d{4}$/.test(value) || Number(value) < 2000 || Number(value) > 2100) throw new CliInputError(`--year: "${value}" is not a four-digit year (2000–2100)`);
      year = value;
    }
    // As a 医保 manager over the home division (monitoring.run): the whole database.
    const out = await withDatabase(async ({ db }) => {
      try {
        return await runMonitoring(await cliContext(db, "medical_security", "manager"), year === undefined ? {} : { year: Number(year) });
      } catch (err) {
        if (err instanceof AppError) throw new CliInputError(`--${err.field ?? "year"}: ${err.message}`);
        throw err;
      }
    });
    io.stdout(`${JSON.stringify(out)}\n`);
    return 0;
  },
};
