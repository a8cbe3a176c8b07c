import { describe, expect, it } from "vitest";
import { CliInputError, CliUsageError, type CliIO } from "@/cli/command";
import { applicationsSummaryCommand } from "./applications-summary";

// Argument errors are answered before any database is opened (the counts
// themselves: tests/integration/applications-summary.test.ts).

const io: CliIO = {
  stdout: () => {
    throw new Error("nothing may be printed on stdout for bad arguments");
  },
  stderr: () => undefined,
  readText: async () => "",
};

async function failure(args: string[]) {
  return applicationsSummaryCommand.run(args, io).then(
    () => new Error("expected a refusal"),
    (e: unknown) => e,
  );
}

describe("applications summary arguments", () => {
  it("is named as the contract says", () => {
    expect(applicationsSummaryCommand.name).toBe("applications summary");
  });

  it("names --division and the reason", async () => {
    for (const bad of ["4305", "43052410000A", ""]) {
      const e = await failure(["--division", bad]);
      expect(e).toBeInstanceOf(CliInputError);
      expect((e as CliInputError).message).toBe(`--division: "${bad}" is not a 12-digit division code`);
    }
  });

  it("refuses unknown or repeated options as usage errors", async () => {
    for (const args of [["--on", "2025-01-01"], ["430524000000"], ["--division"], ["--division", "430524000000", "--division=430524100000"]]) {
      const e = await failure(args);
      expect(e).toBeInstanceOf(CliUsageError);
      expect((e as CliUsageError).exitCode).toBe(2);
    }
  });
});
