import { CliInputError, CliUsageError, type CliCommand } from "@/cli/command";
import { parseSettleJson } from "@/lib/settlement/parse-settle-input";
import { settleClaims } from "@/lib/settlement/settle-claims";

// `settle FILE` (docs/cli.md): three-tier settlement of one
// person's claims. Policies are the presets by id for now; the database's
// policy versions come later through the same parseSettleInput option.

export const settleCommand: CliCommand = {
  name: "settle",
  usage: "settle FILE",
  summary: "三重制度结算：读取一人一年的就医费用 JSON（FILE 或 - 表示标准输入），输出各重支付和核对明细",
  async run(args, io) {
    if (args.length !== 1 || args[0] === undefined || args[0] === "") {
      throw new CliUsageError("usage: settle FILE  (FILE is a path, or - for standard input)");
    }
    let text: string;
    try {
      text = await io.readText(args[0]);
    } catch (err) {
      if (err instanceof CliInputError) throw err;
      throw new CliInputError(`FILE: cannot read ${JSON.stringify(args[0])} (${err instanceof Error ? err.message : String(err)})`);
    }
    const parsed = parseSettleJson(text);
    if (!parsed.ok) throw new CliInputError(parsed.message);
    const result = settleClaims(parsed.value.policy, parsed.value.input);
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  },
};
