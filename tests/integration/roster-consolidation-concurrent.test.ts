import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFile } from "node:fs/promises";
import { openDb, type DbHandle } from "@/db/client";
import { consolidateMonth } from "@/lib/rosters/consolidate-month";
import { importRoster } from "@/lib/rosters/import-roster";
import { csvText, syntheticId, tempDir } from "@/tests/helpers/roster-files";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// Issue 14 (reliability): two identical consolidations started at once write
// one consolidation record, not two. The second to take the lock finds the
// month run with nothing changed since and answers as a re-run does (no
// change), without a record of its own. On PostgreSQL the two calls come
// through two separate pools, as from two server processes; PGlite has one
// connection, so there the second waits for the first's transaction.

const HEADER = ["身份证号", "姓名", "类别", "变动", "区划代码", "认定日期", "备注"];

describe.each(drivers())("two consolidations at once on %s", (driver) => {
  let s: Scratch;
  let second: DbHandle | null = null;
  let files: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    s = await seededDb(driver);
    if (s.config.kind === "postgres") second = await openDb(s.config);
    files = await tempDir();
  }, 360_000);
  afterAll(async () => {
    await second?.close();
    await s?.drop();
    await files?.remove();
  });

  const runs = async (month: string) => {
    const [r] = await s.handle.raw.query<{ n: number }>("SELECT count(*)::int AS n FROM consolidations WHERE month = $1", [month]);
    return r!.n;
  };

  it("write one consolidation record; both answer the month's figures", async () => {
    const path = files.file("mz.csv");
    await writeFile(
      path,
      csvText([
        HEADER,
        [syntheticId(930_001), "张三丰", "低保对象", "新增", "430524100201", "2026-02-15", ""],
        [syntheticId(930_002), "李四光", "特困人员", "新增", "430524100202", "2026-02-20", ""],
      ]),
      "utf8",
    );
    const clerk = await contextOf(s, "minzheng.clerk");
    expect(await importRoster(clerk, { department: "civil_affairs", month: "2026-03", path, fileName: "mz.csv" })).toMatchObject({ accepted: 2, added: 2 });

    const a = await contextOf(s, "yibao.clerk");
    const b = second ? { db: second.db, actor: a.actor } : a;
    const [ra, rb] = await Promise.all([consolidateMonth(a, "2026-03"), consolidateMonth(b, "2026-03")]);
    expect(await runs("2026-03")).toBe(1);
    // One of them ran it (2 added), the other found it done: the same figures, no change of its own.
    const [first, repeat] = ra.added > 0 ? [ra, rb] : [rb, ra];
    expect(first).toMatchObject({ month: "2026-03", persons: 2, added: 2, removed: 0, changed: 0 });
    expect(repeat).toEqual({ ...first, added: 0, removed: 0, changed: 0 });

    // Run again later with nothing changed: still one record.
    expect(await consolidateMonth(a, "2026-03")).toEqual(repeat);
    expect(await runs("2026-03")).toBe(1);
    // Both attempts are audited, the repeats as such.
    const audit = await s.handle.raw.query<{ repeated: boolean }>(
      "SELECT coalesce((detail->>'repeated')::boolean, false) AS repeated FROM audit_log WHERE action = 'rosters.consolidate' ORDER BY id",
    );
    expect(audit.map((r) => r.repeated)).toEqual([false, true, true]);
  });
});
