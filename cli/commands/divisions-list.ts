import { listCurrentDivisions } from "@/db/queries/divisions";
import { DIVISION_LEVELS, type DivisionLevel } from "@/lib/divisions/domain/division-code";
import { CliUsageError, type CliCommand } from "../command";
import { withDatabase } from "../with-database";

const LISTED: DivisionLevel[] = ["county", "township", "village"];

export const divisionsListCommand: CliCommand = {
  name: "divisions list",
  usage: "divisions list [--level county|township|village]",
  summary: "列出现行行政区划（JSON）",
  async run(args, io) {
    let level: DivisionLevel | undefined;
    for (let i = 0; i < args.length; i++) {
      if (args[i] === "--level") {
        const v = args[++i];
        if (!v || !(DIVISION_LEVELS as readonly string[]).includes(v) || !LISTED.includes(v as DivisionLevel))
          throw new CliUsageError(`--level: "${v ?? ""}" is not one of county, township, village`);
        level = v as DivisionLevel;
      } else throw new CliUsageError(`unknown argument "${args[i]}"`);
    }
    const rows = await withDatabase(async ({ db }) => listCurrentDivisions(db, { level }));
    const out = rows.map((d) => ({ code: d.code, name: d.name, level: d.level, parent: d.parentCode }));
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  },
};
