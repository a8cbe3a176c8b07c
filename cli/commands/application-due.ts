import { CliInputError, CliUsageError, type CliCommand } from "@/cli/command";
import { applicationDeadlines } from "@/lib/applications/domain/step-clock";
import { MissingScheduleError } from "@/lib/calendar/domain/calendar-errors";
import { defaultCalendar } from "@/lib/calendar/domain/default-calendar";
import { isIsoDate } from "@/lib/calendar/domain/iso-date";
import { provisionalNoticeFor } from "@/lib/calendar/domain/provisional-notice";

// `application due --accepted D [--forwarded D] [--approved D]` (docs/cli.md):
// the three 10-working-day deadlines of 003 §三(八) from the shipped
// schedules, no database. A year without a schedule is an input error naming
// the option whose count reached it, never a weekday guess.

const USAGE = "application due --accepted YYYY-MM-DD [--forwarded YYYY-MM-DD] [--approved YYYY-MM-DD]";
const OPTIONS = ["accepted", "forwarded", "approved"] as const;
type Option = (typeof OPTIONS)[number];

function parseOptions(args: string[]): Partial<Record<Option, string>> {
  const out: Partial<Record<Option, string>> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) throw new CliUsageError(`unexpected argument "${arg}" (usage: ${USAGE})`);
    const eq = arg.indexOf("=");
    const key = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    if (!(OPTIONS as readonly string[]).includes(key)) throw new CliUsageError(`unknown option --${key} (usage: ${USAGE})`);
    const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined) throw new CliUsageError(`--${key} needs a date YYYY-MM-DD (usage: ${USAGE})`);
    if (out[key as Option] !== undefined) throw new CliUsageError(`--${key} given twice`);
    out[key as Option] = value;
  }
  return out;
}

function checkDate(option: Option, value: string | undefined): string | undefined {
  if (value !== undefined && !isIsoDate(value)) {
    throw new CliInputError(`--${option}: "${value}" is not a valid date (expected YYYY-MM-DD)`);
  }
  return value;
}

/**
 * The option a missing year is blamed on: the last given date at or before the
 * step whose count reached the year (later steps count from earlier ones by default).
 */
function blame(dates: { accepted: string; forwarded?: string; approved?: string }, year: number): Option {
  const calendar = defaultCalendar();
  const reaches = (from: string) => {
    try {
      calendar.addWorkingDays(from, 10);
      return false;
    } catch (error) {
      return error instanceof MissingScheduleError && error.year === year;
    }
  };
  if (reaches(dates.accepted)) return "accepted";
  if (dates.forwarded !== undefined && reaches(dates.forwarded)) return "forwarded";
  if (dates.approved !== undefined) return "approved";
  return dates.forwarded !== undefined ? "forwarded" : "accepted";
}

export const applicationDueCommand: CliCommand = {
  name: "application due",
  usage: USAGE,
  summary: "依申请救助三个办理时限：乡镇受理后、县级收件后、审批后各 10 个工作日（不含当日）",
  async run(args, io) {
    const opts = parseOptions(args);
    if (opts.accepted === undefined) throw new CliUsageError(`--accepted is required (usage: ${USAGE})`);
    const accepted = checkDate("accepted", opts.accepted)!;
    const forwarded = checkDate("forwarded", opts.forwarded);
    const approved = checkDate("approved", opts.approved);
    if (forwarded !== undefined && forwarded < accepted) {
      throw new CliInputError(`--forwarded: ${forwarded} is before --accepted ${accepted}`);
    }
    if (approved !== undefined && approved < (forwarded ?? accepted)) {
      throw new CliInputError(`--approved: ${approved} is before ${forwarded !== undefined ? "--forwarded" : "--accepted"} ${forwarded ?? accepted}`);
    }
    const dates: { accepted: string; forwarded?: string; approved?: string } = { accepted };
    if (forwarded !== undefined) dates.forwarded = forwarded;
    if (approved !== undefined) dates.approved = approved;
    let out;
    try {
      out = applicationDeadlines(defaultCalendar(), dates);
    } catch (error) {
      if (error instanceof MissingScheduleError) throw new CliInputError(`--${blame(dates, error.year)}: ${error.message}`);
      throw error;
    }
    io.stdout(`${JSON.stringify({ township: out.township, county: out.county, payment: out.payment }, null, 2)}\n`);
    // A date in a provisional year (2027 until the notice is loaded) is an estimate: say so, off stdout's JSON.
    const notice = provisionalNoticeFor(defaultCalendar(), accepted, out.payment);
    if (notice) io.stderr(`注意：${notice}\n`);
    return 0;
  },
};
