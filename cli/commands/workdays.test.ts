import { describe, expect, it } from "vitest";
import { CliInputError, CliUsageError, type CliIO } from "@/cli/command";
import { workdaysAdd, workdaysDeadline } from "./workdays";

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readText: async () => {
      throw new Error("workdays reads no files");
    },
  };
  return { io, out, err };
}

async function run(command: typeof workdaysAdd, args: string[]) {
  const { io, out, err } = fakeIo();
  const code = await command.run(args, io);
  return { code, stdout: out.join(""), stderr: err.join("") };
}

async function failure(command: typeof workdaysAdd, args: string[]): Promise<CliInputError> {
  const { io, out } = fakeIo();
  const error = await command.run(args, io).then(
    () => new Error("expected a CliInputError"),
    (e: unknown) => e,
  );
  expect(out).toEqual([]);
  expect(error).toBeInstanceOf(CliInputError);
  return error as CliInputError;
}

describe("workdays add", () => {
  it("is named as the contract says", () => {
    expect(workdaysAdd.name).toBe("workdays add");
    expect(workdaysDeadline.name).toBe("workdays deadline");
  });

  it("prints the 10th working day after a Friday before the Spring Festival", async () => {
    // See working-day-calendar.test.ts: 01-26 (调休), 01-27, 02-05 … 02-08 (调休), 02-10 … 02-13.
    expect(await run(workdaysAdd, ["2025-01-24", "10"])).toEqual({ code: 0, stdout: "2025-02-13\n", stderr: "" });
    expect((await run(workdaysAdd, ["2025-10-05", "0"])).stdout).toBe("2025-10-09\n");
  });

  it("refuses a wrong number of arguments as a usage error", async () => {
    const error = await failure(workdaysAdd, ["2025-01-24"]);
    expect(error).toBeInstanceOf(CliUsageError);
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe("expected 2 argument(s) DATE N, got 1 (usage: workdays add DATE N)");
  });

  it("names the argument and the reason", async () => {
    expect((await failure(workdaysAdd, ["2025-02-30", "10"])).message).toBe(
      'DATE: "2025-02-30" is not a valid date (expected YYYY-MM-DD)',
    );
    expect((await failure(workdaysAdd, ["2025-2-3", "10"])).message).toBe('DATE: "2025-2-3" is not a valid date (expected YYYY-MM-DD)');
    for (const n of ["-1", "1.5", "ten", "", "1e3"]) {
      expect((await failure(workdaysAdd, ["2025-01-24", n])).message).toBe(
        `N: "${n}" is not a whole number of working days (0 or more)`,
      );
    }
  });

  it("reports a year without a schedule, blaming DATE or N", async () => {
    const fromDate = await failure(workdaysAdd, ["2028-03-01", "1"]);
    expect(fromDate.exitCode).toBe(1);
    expect(fromDate.message).toBe("DATE: 2028年的法定节假日安排尚未导入，请管理员先导入该年度安排");
    expect((await failure(workdaysAdd, ["2027-12-24", "6"])).message).toBe(
      "N: 2028年的法定节假日安排尚未导入，请管理员先导入该年度安排",
    );
  });

  it("counts into provisional 2027 and says so on stderr", async () => {
    const notice = "注意：2027年节假日安排为暂定（按法定节日推算），国务院通知发布后请管理员导入正式安排\n";
    // Fri 2026-12-25 → 4: Thu 12-31, [Fri 2027-01-01 元旦, weekend], 5: Mon 2027-01-04.
    expect(await run(workdaysAdd, ["2026-12-25", "5"])).toEqual({ code: 0, stdout: "2027-01-04\n", stderr: notice });
    expect(await run(workdaysDeadline, ["2027-01"])).toEqual({ code: 0, stdout: "2027-01-05\n", stderr: notice });
  });
});

describe("workdays deadline", () => {
  it("prints the 5th, moved off holidays", async () => {
    expect(await run(workdaysDeadline, ["2025-10"])).toEqual({ code: 0, stdout: "2025-10-09\n", stderr: "" });
    expect((await run(workdaysDeadline, ["2024-05"])).stdout).toBe("2024-05-06\n");
    expect((await run(workdaysDeadline, ["2026-02"])).stdout).toBe("2026-02-05\n");
  });

  it("refuses bad input with one clear line", async () => {
    expect(await failure(workdaysDeadline, [])).toBeInstanceOf(CliUsageError);
    expect(await failure(workdaysDeadline, ["2025-10", "x"])).toBeInstanceOf(CliUsageError);
    expect((await failure(workdaysDeadline, ["2025-13"])).message).toBe(
      'YYYY-MM: "2025-13" is not a valid month (expected YYYY-MM, e.g. 2025-10)',
    );
    expect((await failure(workdaysDeadline, ["2028-01"])).message).toBe(
      "YYYY-MM: 2028年的法定节假日安排尚未导入，请管理员先导入该年度安排",
    );
  });
});
