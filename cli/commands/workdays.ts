import { CliInputError, CliUsageError, type CliCommand } from "@/cli/command";
import { InvalidDateError, MissingScheduleError } from "@/lib/calendar/domain/calendar-errors";
import { defaultCalendar } from "@/lib/calendar/domain/default-calendar";
import { provisionalNoticeFor } from "@/lib/calendar/domain/provisional-notice";
import { isIsoDate, parseIsoDate, yearOfDay } from "@/lib/calendar/domain/iso-date";

// `workdays add DATE N` and `workdays deadline YYYY-MM` (docs/cli.md).
// They use the shipped years; a year without a loaded schedule is an input error
// naming the argument, never a weekday guess.

const NON_NEGATIVE_INTEGER = /^\d+$/;
const ADD_USAGE = "workdays add DATE N";
const DEADLINE_USAGE = "workdays deadline YYYY-MM";

function expectArgs(args: string[], names: string[], usage: string): void {
  if (args.length !== names.length) {
    throw new CliUsageError(`expected ${names.length} argument(s) ${names.join(" ")}, got ${args.length} (usage: ${usage})`);
  }
}

function missingYear(argument: string, error: MissingScheduleError): CliInputError {
  return new CliInputError(`${argument}: ${error.message}`);
}

export const workdaysAdd: CliCommand = {
  name: "workdays add",
  usage: ADD_USAGE,
  summary: "DATE 之后第 N 个工作日（不含当日，跳过周末和法定节假日，计入调休上班日）",
  async run(args, io) {
    expectArgs(args, ["DATE", "N"], ADD_USAGE);
    const [date = "", countText = ""] = args;
    if (!isIsoDate(date)) throw new CliInputError(`DATE: "${date}" is not a valid date (expected YYYY-MM-DD)`);
    if (!NON_NEGATIVE_INTEGER.test(countText) || !Number.isSafeInteger(Number(countText))) {
      throw new CliInputError(`N: "${countText}" is not a whole number of working days (0 or more)`);
    }
    try {
      const result = defaultCalendar().addWorkingDays(date, Number(countText));
      io.stdout(`${result}\n`);
      const notice = provisionalNoticeFor(defaultCalendar(), date, result);
      if (notice) io.stderr(`注意：${notice}\n`);
    } catch (error) {
      if (error instanceof MissingScheduleError) {
        // The start year missing is DATE's fault; a later year is reached because of N.
        throw missingYear(error.year === yearOfDay(parseIsoDate(date)) ? "DATE" : "N", error);
      }
      throw error;
    }
    return 0;
  },
};

export const workdaysDeadline: CliCommand = {
  name: "workdays deadline",
  usage: DEADLINE_USAGE,
  summary: "每月名单报送截止日：当月5日，遇节假日顺延至下一个工作日",
  async run(args, io) {
    expectArgs(args, ["YYYY-MM"], DEADLINE_USAGE);
    const [month = ""] = args;
    try {
      const result = defaultCalendar().rosterDeadline(month);
      io.stdout(`${result}\n`);
      const notice = provisionalNoticeFor(defaultCalendar(), result);
      if (notice) io.stderr(`注意：${notice}\n`);
    } catch (error) {
      if (error instanceof InvalidDateError) {
        throw new CliInputError(`YYYY-MM: "${month}" is not a valid month (expected YYYY-MM, e.g. 2025-10)`);
      }
      if (error instanceof MissingScheduleError) throw missingYear("YYYY-MM", error);
      throw error;
    }
    return 0;
  },
};
