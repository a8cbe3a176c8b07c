import { describe, expect, it } from "vitest";
import { CliInputError, CliUsageError, type CliIO } from "@/cli/command";
import { COMMANDS } from "@/cli/registry";
import { runCli } from "@/cli/run-cli";
import { applicationDueCommand } from "./application-due";

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readText: async () => {
      throw new Error("application due reads no files");
    },
  };
  return { io, out, err };
}

async function run(args: string[]) {
  const { io, out, err } = fakeIo();
  const code = await runCli(COMMANDS, ["application", "due", ...args], io);
  return { code, stdout: out.join(""), stderr: err.join("") };
}

async function failure(args: string[]): Promise<CliInputError> {
  const { io, out } = fakeIo();
  const error = await applicationDueCommand.run(args, io).then(
    () => new Error("expected a CliInputError"),
    (e: unknown) => e,
  );
  expect(out).toEqual([]);
  expect(error).toBeInstanceOf(CliInputError);
  return error as CliInputError;
}

describe("application due", () => {
  it("prints the contract's example: accepted Friday 2025-01-24, before the Spring Festival", async () => {
    // Hand-worked in lib/applications/domain/step-clock.test.ts.
    const r = await run(["--accepted", "2025-01-24"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(r.stdout)).toEqual({ township: "2025-02-13", county: "2025-02-27", payment: "2025-03-13" });
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(["township", "county", "payment"]);
  });

  it("counts the county and payment steps from the dates given", async () => {
    // Forwarded Sun 2025-09-28 (调休上班): 09-29, 09-30, 10-09, 10-10, 10-11 (调休), 10-13 … 10-17.
    // Approved Fri 10-17: 10-20 … 10-24, 10-27 … 10-31.
    const r = await run(["--accepted", "2025-09-15", "--forwarded", "2025-09-28", "--approved=2025-10-17"]);
    expect(JSON.parse(r.stdout)).toEqual({ township: "2025-09-28", county: "2025-10-17", payment: "2025-10-31" });
    // Only --approved: the county deadline stays the default.
    const a = await run(["--accepted", "2025-09-30", "--approved", "2025-10-09"]);
    // 09-30 → 10-21 (step-clock.test.ts); county from Tue 10-21: 10-22 … 10-24, 10-27 … 10-31, 11-03, 11-04;
    // approved Thu 10-09: 10-10, 10-11 (调休), 10-13 … 10-17, 10-20, 10-21, 10-22.
    expect(JSON.parse(a.stdout)).toEqual({ township: "2025-10-21", county: "2025-11-04", payment: "2025-10-22" });
    // Same-day forwarding (特事特办).
    expect(JSON.parse((await run(["--forwarded", "2025-01-24", "--accepted", "2025-01-24"])).stdout).county).toBe("2025-02-13");
  });

  it("names the option and the reason for bad input", async () => {
    expect((await failure(["--accepted", "2025-02-30"])).message).toBe('--accepted: "2025-02-30" is not a valid date (expected YYYY-MM-DD)');
    expect((await failure(["--accepted", "2025-01-24", "--forwarded", "2025/02/01"])).message).toBe(
      '--forwarded: "2025/02/01" is not a valid date (expected YYYY-MM-DD)',
    );
    expect((await failure(["--accepted", "2025-01-24", "--forwarded", "2025-01-23"])).message).toBe("--forwarded: 2025-01-23 is before --accepted 2025-01-24");
    expect((await failure(["--accepted", "2025-01-24", "--forwarded", "2025-02-10", "--approved", "2025-02-07"])).message).toBe(
      "--approved: 2025-02-07 is before --forwarded 2025-02-10",
    );
    expect((await failure(["--accepted", "2025-01-24", "--approved", "2025-01-20"])).message).toBe("--approved: 2025-01-20 is before --accepted 2025-01-24");
  });

  it("refuses wrong words as usage errors (exit 2)", async () => {
    for (const args of [[], ["2025-01-24"], ["--accepted"], ["--accepted", "2025-01-24", "--accepted", "2025-01-25"], ["--on", "2025-01-24"]]) {
      const e = await failure(args);
      expect(e).toBeInstanceOf(CliUsageError);
      expect(e.exitCode).toBe(2);
    }
    const r = await run([]);
    expect(r).toEqual({ code: 2, stdout: "", stderr: `--accepted is required (usage: ${applicationDueCommand.usage})\n` });
  });

  it("blames the option whose count reaches a year without a schedule", async () => {
    const shipped = "2028年的法定节假日安排尚未导入，请管理员先导入该年度安排";
    expect((await failure(["--accepted", "2028-01-05"])).message).toBe(`--accepted: ${shipped}`);
    // 2027-12-17 + 10 is Fri 12-31; the county step counted from it reaches 2028.
    expect((await failure(["--accepted", "2027-12-17"])).message).toBe(`--accepted: ${shipped}`);
    expect((await failure(["--accepted", "2027-11-01", "--approved", "2027-12-27"])).message).toBe(`--approved: ${shipped}`);
    expect((await failure(["--accepted", "2027-11-01", "--forwarded", "2027-12-20"])).message).toBe(`--forwarded: ${shipped}`);
    const r = await run(["--accepted", "2027-12-17"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`--accepted: ${shipped}\n`);
  });

  it("computes into provisional 2027 and says on stderr that it is an estimate", async () => {
    const notice = "注意：2027年节假日安排为暂定（按法定节日推算），国务院通知发布后请管理员导入正式安排\n";
    // Fri 2026-12-18 → 12-31 is the 9th working day, [Fri 2027-01-01 元旦, weekend], Mon 01-04 the 10th.
    const r = await run(["--accepted", "2026-12-18"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ township: "2027-01-04" });
    expect(r.stderr).toBe(notice);
    // All in 2026: no notice.
    expect((await run(["--accepted", "2026-10-12"])).stderr).toBe("");
  });

});
