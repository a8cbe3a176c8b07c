import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReadStream, statSync } from "node:fs";
import { importClaims } from "@/lib/claims/import-claims";
import { CLAIM_FILE_HEADER } from "@/tests/helpers/claims-fixtures";
import { receiveRosterUpload } from "@/lib/rosters/receive-roster-upload";
import { tempDir } from "@/tests/helpers/roster-files";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";
import { writeXlsxBomb } from "../helpers/xlsx-bomb";

// An .xlsx of about a megabyte that unpacks to 20 million shared strings
// (some 500 MB of XML) is refused with a Chinese message from its zip
// directory alone — before the roster import takes the department's roll
// lock, and before anything is inflated — and nothing is stored. (Timings are
// not asserted here; by hand it is refused in milliseconds, where exceljs took
// 31–40 s and 1.8 GB before.)

const ROSTER_HEADER = ["身份证号", "姓名", "类别", "变动", "区划代码", "认定日期", "备注"];

describe.each(drivers())("xlsx unpacking limits on %s", (driver) => {
  let s: Scratch;
  let files: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    s = await seededDb(driver);
    files = await tempDir();
  });
  afterAll(async () => {
    await s?.drop();
    await files?.remove();
  });

  const stored = async () => {
    const [r] = await s.handle.raw.query<{ subs: number; rolls: number; claims: number }>(
      `select (select count(*) from roster_submissions)::int as subs, (select count(*) from department_memberships)::int as rolls,
              (select count(*) from claims)::int as claims`,
    );
    return r!;
  };

  it("refuses a roster .xlsx bomb uploaded through the browser path and stores nothing", async () => {
    const path = files.file("bomb-roster.xlsx");
    await writeXlsxBomb(path, ROSTER_HEADER);
    expect(statSync(path).size).toBeLessThan(3 * 1024 * 1024);
    const before = await stored();
    const r = await receiveRosterUpload(await contextOf(s, "minzheng.clerk"), {
      department: "civil_affairs",
      month: "2026-12",
      fileName: "民政12月.xlsx",
      file: createReadStream(path),
    });
    expect(r.accepted).toBe(0);
    expect(r.rejected).toEqual([{ row: 1, column: "整行", reason: expect.stringContaining("该 Excel 文件解压后过大") }]);
    expect(await stored()).toEqual(before);
  });

  it("refuses the same kind of file as a claims import (the shared reader)", async () => {
    const path = files.file("bomb-claims.xlsx");
    await writeXlsxBomb(path, CLAIM_FILE_HEADER);
    const before = await stored();
    const r = await importClaims(await contextOf(s, "yibao.clerk"), { path, fileName: "结算记录.xlsx" });
    expect(r.rejected).toEqual([{ row: 1, column: "整行", reason: expect.stringContaining("解压后过大") }]);
    expect(await stored()).toEqual(before);
  });
});
