import { describe, expect, it } from "vitest";
import { CliInputError, CliUsageError, type CliIO } from "@/cli/command";
import { statsCoverageCommand } from "./stats-coverage";

// Argument errors are answered before any database is opened (the figures
// themselves: tests/integration/stats-coverage.test.ts and enrolment-demo.test.ts).

const io: CliIO = {
  stdout: () => {
    throw new Error("nothing may be printed on stdout for bad arguments");
  },
  stderr: () => undefined,
  readText: async () => "",
};

async function failure(args: string[]) {
  return statsCoverageCommand.run(args, io).then(
    () => new Error("expected a refusal"),
    (e: unknown) => e,
  );
}

describe("stats coverage arguments", () => {
  it("is named as the contract says", () => {
    expect(statsCoverageCommand.name).toBe("stats coverage");
  });

  it("names the field and the reason", async () => {
    const cases: [string[], string][] = [
      [["--on", "2026-02-30"], '--on: "2026-02-30" is not a valid YYYY-MM-DD date'],
      [["--on", ""], '--on: "" is not a valid YYYY-MM-DD date'],
      [["--on", "2026-11-30", "--division", "4305"], '--division: "4305" is not a 12-digit division code'],
      [["--on=2026-11-30", "--division="], '--division: "" is not a 12-digit division code'],
    ];
    for (const [args, message] of cases) {
      const e = await failure(args);
      expect(e).toBeInstanceOf(CliInputError);
      expect((e as CliInputError).message).toBe(message);
    }
  });

  it("--on is required; unknown or repeated options are usage errors", async () => {
    for (const args of [[], ["--division", "430524000000"], ["--on"], ["--year", "2026"], ["--on", "2026-11-30", "--on", "2026-11-29"]]) {
      const e = await failure(args);
      expect(e).toBeInstanceOf(CliUsageError);
      expect((e as CliUsageError).exitCode).toBe(2);
    }
  });
});
