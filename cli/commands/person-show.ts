import { beijingToday, isIsoDate } from "@/lib/calendar/domain/iso-date";
import { AppError } from "@/lib/errors/app-error";
import { ID_PROBLEM_TEXT, idNumberProblem, normalizeIdNumber } from "@/lib/id-number/id-number";
import { getPersonCategoriesById } from "@/lib/people/get-person-categories-by-id";
import { cliContext } from "../cli-actor";
import { CliInputError, CliUsageError, type CliCommand } from "../command";
import { withDatabase } from "../with-database";

// Through the same use case checks as the person's page: the CLI acts as a
// 医保 clerk over the home division (people.view), and the read is audited.

const today = () => beijingToday();

export const personShowCommand: CliCommand = {
  name: "person show",
  usage: "person show ID [--on YYYY-MM-DD]",
  summary: "某人在某日的救助类别及类别历史（身份证号脱敏输出）",
  async run(args, io) {
    let on = today();
    const rest: string[] = [];
    for (let i = 0; i < args.length; i++) {
      if (args[i] === "--on") {
        const v = args[++i];
        if (!isIsoDate(v)) throw new CliUsageError(`--on: "${v ?? ""}" is not a valid YYYY-MM-DD date`);
        on = v;
      } else rest.push(args[i]!);
    }
    if (rest.length !== 1) throw new CliUsageError("person show takes exactly one ID number");
    const id = normalizeIdNumber(rest[0]!);
    const problem = idNumberProblem(id);
    if (problem) throw new CliInputError(`ID: ${ID_PROBLEM_TEXT[problem]}`);
    const out = await withDatabase(async ({ db }) => {
      let found;
      try {
        found = await getPersonCategoriesById(await cliContext(db, "medical_security"), id, on);
      } catch (err) {
        if (err instanceof AppError) throw new CliInputError(`${err.field ?? "ID"}: ${err.message}`);
        throw err;
      }
      if (!found) throw new CliInputError("ID: no person with this ID number in the database");
      return { idNumber: found.idNumberMasked, category: found.category, history: found.history };
    });
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  },
};
