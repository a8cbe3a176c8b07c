import path from "node:path";
import { ROSTER_DEPARTMENTS, type RosterDepartment } from "@/lib/departments/departments";
import { AppError } from "@/lib/errors/app-error";
import { consolidateMonth } from "@/lib/rosters/consolidate-month";
import { importRoster } from "@/lib/rosters/import-roster";
import { CliInputError, CliUsageError, type CliCommand } from "../command";
import { cliContext } from "../cli-actor";
import { withDatabase } from "../with-database";

function options(args: string[], allowed: string[]): { opts: Record<string, string>; rest: string[] } {
  const opts: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith("--")) {
      const key = a.slice(2);
      if (!allowed.includes(key)) throw new CliUsageError(`unknown option ${a}`);
      const v = args[++i];
      if (v === undefined) throw new CliUsageError(`${a} needs a value`);
      opts[key] = v;
    } else rest.push(a);
  }
  return { opts, rest };
}

function checkMonth(month: string | undefined): string {
  if (!month || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new CliUsageError(`--month: "${month ?? ""}" is not YYYY-MM`);
  return month;
}

export const rosterImportCommand: CliCommand = {
  name: "roster import",
  usage: "roster import --department D --month YYYY-MM FILE",
  summary: "导入一个部门的月度名单（.csv / .xlsx）；有任何错误则整份不入库",
  async run(args, io) {
    const { opts, rest } = options(args, ["department", "month"]);
    const department = opts.department as RosterDepartment;
    if (!ROSTER_DEPARTMENTS.includes(department))
      throw new CliUsageError(`--department: "${opts.department ?? ""}" is not one of ${ROSTER_DEPARTMENTS.join(", ")}`);
    const month = checkMonth(opts.month);
    if (rest.length !== 1) throw new CliUsageError("roster import takes exactly one FILE");
    const file = rest[0]!;
    const result = await withDatabase(async ({ db }) => {
      try {
        return await importRoster(await cliContext(db, department), { department, month, path: file, fileName: path.basename(file) });
      } catch (err) {
        if (err instanceof AppError) throw new CliInputError(`${err.field ?? "roster"}: ${err.message}`);
        throw err;
      }
    });
    const { accepted, added, removed, unchanged, rejected } = result;
    io.stdout(`${JSON.stringify({ accepted, added, removed, unchanged, rejected }, null, 2)}\n`);
    if (rejected.length > 0) {
      io.stderr(`${rejected.length} row problem(s)${result.truncated ? " (list truncated)" : ""}: nothing stored\n`);
      return 1;
    }
    if (result.alreadyImported) io.stderr("this file was already imported for that department and month: nothing new stored\n");
    return 0;
  },
};

export const rosterConsolidateCommand: CliCommand = {
  name: "roster consolidate",
  usage: "roster consolidate --month YYYY-MM",
  summary: "汇总比对某月名单，按政策排序为每人确定唯一救助类别",
  async run(args, io) {
    const { opts, rest } = options(args, ["month"]);
    if (rest.length) throw new CliUsageError(`unexpected argument "${rest[0]}"`);
    const month = checkMonth(opts.month);
    const result = await withDatabase(async ({ db }) => {
      try {
        return await consolidateMonth(await cliContext(db, "medical_security"), month);
      } catch (err) {
        if (err instanceof AppError) throw new CliInputError(`${err.field ?? "month"}: ${err.message}`);
        throw err;
      }
    });
    const { month: m, persons, byCategory, conflicts, added, removed, changed, rankingFrom } = result;
    io.stderr(`ranking: ${rankingFrom}\n`);
    io.stdout(`${JSON.stringify({ month: m, persons, byCategory, conflicts, added, removed, changed }, null, 2)}\n`);
    return 0;
  },
};
