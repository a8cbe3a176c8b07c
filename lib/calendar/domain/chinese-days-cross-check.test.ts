import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultCalendar } from "./default-calendar";
import { formatIsoDate, parseIsoDate } from "./iso-date";

// chinese-days is an independent transcription of the same State Council
// notices. It is used only here, to catch a typo in our data: it must never be
// a runtime source, because for a year it lacks it silently answers weekdays.
//
// chinese-days parses dates as UTC but formats them in local time (also when it
// builds its own tables at import), so west of UTC it is off by one day. The
// test pins the process to China time and imports it only then.
let isWorkday: (date: string) => boolean;
const originalTz = process.env.TZ;

beforeAll(async () => {
  process.env.TZ = "Asia/Shanghai";
  ({ isWorkday } = await import("chinese-days"));
});
afterAll(() => {
  process.env.TZ = originalTz;
});

describe("cross-check against chinese-days", () => {
  it("agrees on every day of 2019-01-01 … 2026-12-31", () => {
    const calendar = defaultCalendar();
    const mismatches: string[] = [];
    let checked = 0;
    for (let day = parseIsoDate("2019-01-01"); day <= parseIsoDate("2026-12-31"); day += 1) {
      const date = formatIsoDate(day);
      const ours = calendar.isWorkingDay(date);
      if (ours !== isWorkday(date)) mismatches.push(`${date}: ours ${ours ? "working" : "off"}`);
      checked += 1;
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(2922);
  });
});
