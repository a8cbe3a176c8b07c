import { describe, expect, it } from "vitest";
import { CliInputError, CliUsageError, type CliIO } from "@/cli/command";
import { settleCommand } from "./settle";

function fakeIO(files: Record<string, string>) {
  const out: string[] = [];
  const io: CliIO = {
    stdout: (t) => out.push(t),
    stderr: () => undefined,
    readText: async (file) => {
      const text = files[file];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${file}'`);
      return text;
    },
  };
  return { io, out };
}

// The contract's example request (docs/cli.md `settle FILE`).
const request = {
  policy: "pengshui-2023",
  person: { category: "dibao", birthDate: "1958-03-02" },
  parameters: { priorYearIncome: "33803" },
  claims: [
    {
      id: "A1", date: "2023-06-10", setting: "inpatient", specialDisease: false, hospitalLevel: 2, referred: true, inCity: true,
      policyScopeCost: "52000", outOfScopeCost: "3000", basicPaid: "31000", criticalPaid: "2500", onApplication: false,
    },
  ],
};

describe("settle FILE", () => {
  it("prints the settlement of the contract's example as pretty JSON from stdin (-)", async () => {
    const { io, out } = fakeIO({ "-": JSON.stringify(request) });
    await expect(settleCommand.run(["-"], io)).resolves.toBe(0);
    const text = out.join("");
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toContain('\n  "policy": "pengshui-2023",');
    const result = JSON.parse(text);
    // 彭水 001 §二(三)2: 80% of 18500; §二(三)3: 3700 self-paid < 4000 for dibao → no tilted assistance
    expect(result.claims[0]).toMatchObject({ id: "A1", basic: "31000.00", critical: "2500.00", assistance: "14800.00", tilted: "0.00", selfPaid: "3700.00" });
    expect(result.totals).toEqual({ basic: "31000.00", critical: "2500.00", assistance: "14800.00", tilted: "0.00", selfPaid: "3700.00" });
    expect(result.claims[0].trace.find((t: { tier: string; amount: string }) => t.tier === "assistance" && t.amount === "14800.00")).toMatchObject({ base: "18500.00", ratio: "80%" });
    expect(result.monitoring).toMatchObject({ year: 2023, flagged: false, value: "3700.00" });
    expect(Object.keys(result)).toEqual(["policy", "category", "claims", "totals", "monitoring"]);
  });

  it("reads a file path", async () => {
    const { io, out } = fakeIO({ "claims.json": JSON.stringify(request) });
    await settleCommand.run(["claims.json"], io);
    expect(JSON.parse(out.join("")).category).toBe("dibao");
  });

  it("turns bad input into one clear line", async () => {
    const bad = { ...request, claims: [request.claims[0], { ...request.claims[0], id: "A2", policyScopeCost: "-5" }] };
    const { io } = fakeIO({ "-": JSON.stringify(bad), "x.json": "{" });
    await expect(settleCommand.run(["-"], io)).rejects.toThrow(new CliInputError('claims[1].policyScopeCost: "-5" is negative'));
    await expect(settleCommand.run(["x.json"], io)).rejects.toThrow(/^input: not valid JSON/);
    await expect(settleCommand.run(["missing.json"], io)).rejects.toThrow(/^FILE: cannot read "missing.json"/);
    await expect(settleCommand.run([], io)).rejects.toBeInstanceOf(CliUsageError);
  });
});
