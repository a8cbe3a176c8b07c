import { DIVISION_LEVELS, type DivisionLevel } from "@/lib/divisions/domain/division-code";
import { listDivisions } from "@/lib/divisions/list-divisions";
import { cliContext } from "../cli-actor";
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
    // As a 医保 manager over the home division (divisions.view), like the division pages.
    const out = await withDatabase(async ({ db }) => listDivisions(await cliContext(db, "medical_security", "manager"), { level }));
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  },
};
