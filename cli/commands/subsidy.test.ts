import { describe, expect, it } from "vitest";
import { CliInputError, CliUsageError, type CliIO } from "@/cli/command";
import { subsidyCommand } from "./subsidy";

function fakeIO(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readText: async (file) => {
      const text = files[file];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${file}'`);
      return text;
    },
  };
  return { io, out, err };
}

// The contract's example request and output (docs/cli.md).
const request = `{ "policy": "jining-2023", "year": 2023, "category": "returned_poverty",
  "tier": 1, "contribution": { "tier1": "380", "tier2": "580" }, "feeExempt": false }`;

describe("subsidy FILE", () => {
  it("prints the contract's output for its example, pretty-printed, on stdin (-)", async () => {
    const { io, out, err } = fakeIO({ "-": request });
    await expect(subsidyCommand.run(["-"], io)).resolves.toBe(0);
    expect(out.join("")).toBe(
      `${JSON.stringify(
        {
          subsidy: "280.00",
          personal: "100.00",
          funding: [
            { source: "medical_assistance", amount: "280.00" },
            { source: "personal", amount: "100.00" },
          ],
        },
        null,
        2,
      )}\n`,
    );
    expect(err).toEqual([]);
  });
  it("reads a file path too (济宁 低保: 300 fund + 80 finance)", async () => {
    const { io, out } = fakeIO({ "req.json": request.replace("returned_poverty", "dibao") });
    await subsidyCommand.run(["req.json"], io);
    expect(JSON.parse(out.join(""))).toEqual({
      subsidy: "380.00",
      personal: "0.00",
      funding: [
        { source: "medical_assistance", amount: "300.00" },
        { source: "finance", amount: "80.00" },
        { source: "personal", amount: "0.00" },
      ],
    });
  });
  it("turns bad input into one CliInputError line", async () => {
    const cases: [string, string | RegExp][] = [
      [request.replace("jining-2023", "xyz"), 'policy: unknown policy "xyz"'],
      [request.replace("returned_poverty", "abc"), 'category: unknown category "abc"'],
      [request.replace('"380"', '"-5"'), 'contribution.tier1: "-5" is negative'],
      [request.replace('"380"', '"380.001"'), 'contribution.tier1: "380.001" has more than two decimals'],
      [request.replace('"tier": 1', '"tier": 3'), "tier: 3 is not 1 or 2"],
      ["{ not json", /^invalid JSON: /],
    ];
    for (const [text, message] of cases) {
      const { io, out } = fakeIO({ "-": text });
      const run = subsidyCommand.run(["-"], io);
      await expect(run).rejects.toBeInstanceOf(CliInputError);
      await expect(run).rejects.toThrow(message);
      expect(out).toEqual([]);
    }
  });
  it("reports an unreadable file as a user mistake, and a missing FILE as usage", async () => {
    await expect(subsidyCommand.run(["nope.json"], fakeIO({}).io)).rejects.toThrow(/^nope\.json: cannot read/);
    await expect(subsidyCommand.run([], fakeIO({}).io)).rejects.toBeInstanceOf(CliUsageError);
    expect(subsidyCommand.name).toBe("subsidy");
    expect(subsidyCommand.usage).toBe("subsidy FILE");
  });
});
