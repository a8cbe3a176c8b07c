import { categoryHistory, categoryOn } from "@/db/queries/person-categories";
import { findPersonByIdNumber } from "@/db/queries/people-lookup";
import { isIsoDate } from "@/lib/calendar/domain/iso-date";
import { ID_PROBLEM_TEXT, idNumberProblem, maskIdNumber, normalizeIdNumber } from "@/lib/id-number/id-number";
import { CliInputError, CliUsageError, type CliCommand } from "../command";
import { withDatabase } from "../with-database";

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10); // Beijing date

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
      const person = await findPersonByIdNumber(db, id);
      if (!person) throw new CliInputError("ID: no person with this ID number in the database");
      const current = await categoryOn(db, person.id, on);
      const history = await categoryHistory(db, person.id);
      return {
        idNumber: maskIdNumber(person.idNumber),
        category: current?.category ?? null,
        history: history.map((h) => ({ category: h.category, from: h.fromDate, to: h.toDate, source: h.source })),
      };
    });
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  },
};
