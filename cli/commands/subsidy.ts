import { CliInputError, CliUsageError, type CliCommand, type CliIO } from "@/cli/command";
import { computeSubsidy } from "@/lib/subsidy/compute-subsidy";
import { parseSubsidyJson } from "@/lib/subsidy/parse-subsidy-input";
import { toSubsidyOutput } from "@/lib/subsidy/subsidy-output";

// `subsidy FILE` (docs/cli.md): how one person's individual
// contribution for one year is split between the funds and the person.
// Policies come from SUBSIDY_PRESETS for now (the default resolver of
// parseSubsidyJson); database-backed policy versions will plug in there.

export const subsidyCommand: CliCommand = {
  name: "subsidy",
  usage: "subsidy FILE",
  summary: "资助参保：计算一人一年个人缴费的资助额与个人负担（FILE 为 JSON 文件，- 为标准输入）",
  async run(args, io) {
    const [file, ...extra] = args;
    if (file === undefined || extra.length > 0) throw new CliUsageError("usage: subsidy FILE (a JSON file, or - for stdin)");
    const text = await readRequest(io, file);
    const parsed = parseSubsidyJson(text);
    if (!parsed.ok) throw new CliInputError(parsed.error);
    const { rules, input } = parsed.value;
    io.stdout(`${JSON.stringify(toSubsidyOutput(computeSubsidy(rules, input)), null, 2)}\n`);
    return 0;
  },
};

// A missing or unreadable FILE is the user's mistake: one line, no stack trace.
async function readRequest(io: CliIO, file: string): Promise<string> {
  try {
    return await io.readText(file);
  } catch (e) {
    if (e instanceof CliInputError) throw e;
    throw new CliInputError(`${file}: cannot read (${e instanceof Error ? e.message : String(e)})`);
  }
}
