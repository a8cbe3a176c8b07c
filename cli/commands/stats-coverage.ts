import { isIsoDate } from "@/lib/calendar/domain/iso-date";
import { isDivisionCode } from "@/lib/divisions/domain/division-code";
import { AppError } from "@/lib/errors/app-error";
import { getCoverage } from "@/lib/statistics/get-coverage";
import { cliContext } from "../cli-actor";
import { CliInputError, CliUsageError, type CliCommand } from "../command";
import { withDatabase } from "../with-database";

const USAGE = "stats coverage --on YYYY-MM-DD [--division CODE]";

export const statsCoverageCommand: CliCommand = {
  name: "stats coverage",
  usage: USAGE,
  summary: "救助对象参保统计：某日某区划及下一级区划的救助对象人数、已参保人数、参保率、目标（JSON）",
  async run(args, io) {
    const values: { on?: string; division?: string } = {};
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      const eq = arg.indexOf("=");
      const key = eq < 0 ? arg : arg.slice(0, eq);
      if (key !== "--on" && key !== "--division") throw new CliUsageError(`unknown argument "${arg}" (usage: ${USAGE})`);
      const name = key.slice(2) as "on" | "division";
      if (values[name] !== undefined) throw new CliUsageError(`${key} given twice`);
      const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined) throw new CliUsageError(`${key} needs a value (usage: ${USAGE})`);
      values[name] = value;
    }
    if (values.on === undefined) throw new CliUsageError(`--on is required (usage: ${USAGE})`);
    if (!isIsoDate(values.on)) throw new CliInputError(`--on: "${values.on}" is not a valid YYYY-MM-DD date`);
    if (values.division !== undefined && !isDivisionCode(values.division)) {
      throw new CliInputError(`--division: "${values.division}" is not a 12-digit division code`);
    }
    // As a 医保 manager over the home division (stats.view), like the managers' dashboard.
    const out = await withDatabase(async ({ db }) => {
      try {
        return await getCoverage(await cliContext(db, "medical_security", "manager"), { on: values.on, division: values.division });
      } catch (err) {
        if (err instanceof AppError) {
          const field = err.field ?? "division";
          const reason = err.code === "forbidden" ? "is outside the database's home division" : err.code === "not_found" ? "no such division in the database" : err.message;
          throw new CliInputError(`--${field}: ${field === "division" ? `${values.division ?? ""} ` : ""}${reason}`);
        }
        throw err;
      }
    });
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  },
};
