import { describe, expect, it } from "vitest";
import { CliInputError, CliUsageError, type CliIO } from "@/cli/command";
import { monitoringRunCommand } from "./monitoring-run";

// Argument errors are answered before any database is opened (the run itself:
// tests/integration/monitoring-run.test.ts).

const io: CliIO = {
  stdout: () => {
    throw new Error("nothing may be printed on stdout for bad arguments");
  },
  stderr: () => undefined,
  readText: async () => "",
};

const failure = (args: string[]) =>
  monitoringRunCommand.run(args, io).then(
    () => new Error("expected a refusal"),
    (e: unknown) => e,
  );

describe("monitoring run arguments", () => {
  it("is named as the contract says", () => {
    expect(monitoringRunCommand.name).toBe("monitoring run");
  });

  it("names --year and the reason", async () => {
    for (const bad of ["26", "20x6", "1999", ""]) {
      const e = await failure(["--year", bad]);
      expect(e).toBeInstanceOf(CliInputError);
      expect((e as CliInputError).message).toBe(`--year: "${bad}" is not a four-digit year (2000–2100)`);
    }
  });

  it("unknown or repeated options are usage errors", async () => {
    for (const args of [["2026"], ["--on", "2026-01-01"], ["--year"], ["--year", "2026", "--year=2025"]]) {
      const e = await failure(args);
      expect(e).toBeInstanceOf(CliUsageError);
      expect((e as CliUsageError).exitCode).toBe(2);
    }
  });
});
