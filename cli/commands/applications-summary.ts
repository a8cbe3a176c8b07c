import { summarizeApplications } from "@/lib/applications/summarize-applications";
import { isDivisionCode } from "@/lib/divisions/domain/division-code";
import { AppError } from "@/lib/errors/app-error";
import { cliContext } from "../cli-actor";
import { CliInputError, CliUsageError, type CliCommand } from "../command";
import { withDatabase } from "../with-database";

const USAGE = "applications summary [--division CODE]";

export const applicationsSummaryCommand: CliCommand = {
  name: "applications summary",
  usage: USAGE,
  summary: "依申请救助案件汇总：各状态件数、加急、超期、已支付、不予救助、支付金额（JSON）",
  async run(args, io) {
    let division: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      const eq = arg.indexOf("=");
      const key = eq < 0 ? arg : arg.slice(0, eq);
      if (key !== "--division") throw new CliUsageError(`unknown argument "${arg}" (usage: ${USAGE})`);
      if (division !== undefined) throw new CliUsageError("--division given twice");
      const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined) throw new CliUsageError(`--division needs a 12-digit division code (usage: ${USAGE})`);
      if (!isDivisionCode(value)) throw new CliInputError(`--division: "${value}" is not a 12-digit division code`);
      division = value;
    }
    // As a 医保 manager over the home division (applications.view), like the managers' pages.
    const out = await withDatabase(async ({ db }) => {
      try {
        return await summarizeApplications(await cliContext(db, "medical_security", "manager"), division ? { division } : {});
      } catch (err) {
        if (err instanceof AppError) {
          const reason = err.code === "forbidden" ? "is outside the database's home division" : err.message;
          throw new CliInputError(`--division: ${division ?? ""} ${reason}`.replace(":  ", ": "));
        }
        throw err;
      }
    });
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  },
};
