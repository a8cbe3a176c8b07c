import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idHashOf } from "@/db/queries/people-ids";
import { writeFile } from "node:fs/promises";
import iconv from "iconv-lite";
import { sql } from "drizzle-orm";
import { categoryHistory, categoryOn } from "@/db/queries/person-categories";
import { findPersonByIdNumber } from "@/db/queries/people-lookup";
import { policyActivations, policyVersions } from "@/db/schema";
import { getPreset } from "@/lib/policies/domain/preset-registry";
import { consolidateMonth } from "@/lib/rosters/consolidate-month";
import { importRoster } from "@/lib/rosters/import-roster";
import { systemActor } from "@/lib/auth/domain/system-actor";
import { createUser } from "@/lib/users/create-user";
import { badCheckId, csvText, syntheticId, tempDir, writeXlsxFile } from "@/tests/helpers/roster-files";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

const HEADER = ["身份证号", "姓名", "类别", "变动", "区划代码", "认定日期", "备注"];
const A = syntheticId(900_001); // on 民政 as dibao and on 乡村振兴 as returned_poverty
const B = syntheticId(900_002); // 民政 tekun
const C = syntheticId(900_003); // 乡村振兴 monitored, later removed

describe.each(drivers())("monthly rosters on %s", (driver) => {
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

  const counts = async () => {
    const [r] = await s.handle.raw.query<{ m: number; p: number; sub: number }>(
      "select (select count(*) from department_memberships)::int as m, (select count(*) from people)::int as p, (select count(*) from roster_submissions)::int as sub",
    );
    return r!;
  };
  const gb18030 = async (name: string, rows: string[][]) => {
    await writeFile(files.file(name), iconv.encode(csvText([HEADER, ...rows]), "gb18030"));
    return files.file(name);
  };
  const bomUtf8 = async (name: string, rows: string[][]) => {
    await writeFile(files.file(name), "\ufeff" + csvText([HEADER, ...rows]), "utf8");
    return files.file(name);
  };
  const importAs = async (username: string, department: "civil_affairs" | "rural_revitalization" | "disability", month: string, path: string) =>
    importRoster(await contextOf(s, username), { department, month, path, fileName: path.split("/").pop()! });

  it("rejects a file with bad rows as a whole, naming every problem by row and column", async () => {
    const before = await counts();
    const path = await gb18030("bad.csv", [
      [A, "张三丰", "低保对象", "新增", "430524100201", "2025-09-15", ""],
      [badCheckId(1), "李四", "特困人员", "新增", "430524100202", "2025-09-20", ""],
      [B, "王五", "返贫致贫人口", "新增", "430599100201", "2025-09-20", ""],
      [C, "赵六", "低保", "减少", "430524100203", "2025-09-20", ""],
      [A, "张三丰", "低保对象", "在册", "430524100201", "2025-09-15", ""],
    ]);
    const r = await importAs("minzheng.clerk", "civil_affairs", "2025-10", path);
    expect(r.accepted).toBe(0);
    expect(r.rejected.map((e) => `${e.row}/${e.column}`)).toEqual(["3/身份证号", "4/类别", "4/区划代码"]);
    expect(r.rejected[0]!.reason).toBe("校验码错误");
    expect(await counts()).toEqual(before);
  });

  it("checks duplicates and removals against the roll once the rows are clean", async () => {
    const path = await gb18030("dup.csv", [
      [A, "张三丰", "低保对象", "新增", "430524100201", "2025-09-15", ""],
      [C, "赵六", "低保", "减少", "430524100203", "2025-09-20", ""],
      [A, "张三丰", "低保对象", "在册", "430524100201", "2025-09-15", ""],
    ]);
    const r = await importAs("minzheng.clerk", "civil_affairs", "2025-10", path);
    expect(r.rejected).toEqual([
      { row: 3, column: "身份证号", reason: "该人员不在本部门名单中，不能减少" },
      { row: 4, column: "身份证号", reason: "与第 2 行身份证号重复" },
    ]);
  });

  it("imports GB18030 and UTF-8-BOM lists, stores nothing new on a re-send, and consolidates to the highest benefit", async () => {
    const mz = await gb18030("mz-2025-10.csv", [
      [A, "张三丰", "低保对象", "新增", "430524100201", "2025-09-15", "低保"],
      [B, "李四", "特困人员", "新增", "430524100202", "2025-09-20", ""],
    ]);
    expect(await importAs("minzheng.clerk", "civil_affairs", "2025-10", mz)).toMatchObject({ accepted: 2, added: 2, rejected: [] });
    const again = await importAs("minzheng.clerk", "civil_affairs", "2025-10", mz);
    expect(again).toMatchObject({ accepted: 2, added: 0, unchanged: 2, alreadyImported: true });
    // The file's hash is taken while its rows are read, and the earlier submission looked up after them:
    // a re-send whose rows the uploader's checks refuse today (here a 民政 account of another township,
    // the villages outside its jurisdiction) is still "already imported", as when it was hashed first.
    const elsewhere = { db: s.handle.db, actor: systemActor("civil_affairs", "430524101000") };
    expect(await importRoster(elsewhere, { department: "civil_affairs", month: "2025-10", path: mz, fileName: "mz-2025-10.csv" })).toMatchObject({
      accepted: 2, added: 0, unchanged: 2, alreadyImported: true, rejected: [],
    });
    const xc = await bomUtf8("xc-2025-10.csv", [
      [A, "张三丰", "返贫致贫人口", "新增", "430524100201", "2025-08-01", ""],
      [C, "赵六", "防止返贫监测帮扶对象", "新增", "430524100203", "2025-08-01", ""],
    ]);
    expect(await importAs("xiangcun.clerk", "rural_revitalization", "2025-10", xc)).toMatchObject({ accepted: 2, added: 2 });

    const r = await consolidateMonth(await contextOf(s, "yibao.clerk"), "2025-10");
    expect(r).toMatchObject({ month: "2025-10", persons: 3, conflicts: 1, added: 3, removed: 0, changed: 0 });
    expect(r.byCategory).toEqual({ dibao: 1, tekun: 1, monitored: 1 });
    const a = (await findPersonByIdNumber(s.handle.db, A))!;
    expect((await categoryOn(s.handle.db, a.id, "2025-10-15"))?.category).toBe("dibao");
    const [conflict] = await s.handle.raw.query<{ chosen: string; reason: string }>("select chosen, reason from consolidation_conflicts");
    expect(conflict).toEqual({ chosen: "dibao", reason: "待遇就高不重复：低保对象 优先于 返贫致贫人口" });
    // Re-running the month changes nothing.
    expect(await consolidateMonth(await contextOf(s, "yibao.clerk"), "2025-10")).toMatchObject({ added: 0, removed: 0, changed: 0, persons: 3 });
  });

  it("keeps the other category when one list removes a person, with history dates across three months", async () => {
    const mz = await gb18030("mz-2025-11.csv", [[A, "张三丰", "低保对象", "减少", "430524100201", "2025-09-15", "退出低保"]]);
    expect(await importAs("minzheng.clerk", "civil_affairs", "2025-11", mz)).toMatchObject({ removed: 1 });
    expect(await consolidateMonth(await contextOf(s, "yibao.clerk"), "2025-11")).toMatchObject({ changed: 1, persons: 3 });

    const xlsx = files.file("xc-2025-12.xlsx");
    await writeXlsxFile(xlsx, [HEADER, [C, "赵六", "防止返贫监测帮扶对象", "减少", "430524100203", "2025-08-01", ""]]);
    expect(await importAs("xiangcun.clerk", "rural_revitalization", "2025-12", xlsx)).toMatchObject({ rejected: [], removed: 1 });
    expect(await consolidateMonth(await contextOf(s, "yibao.clerk"), "2025-12")).toMatchObject({ removed: 1, persons: 2 });

    const a = (await findPersonByIdNumber(s.handle.db, A))!;
    expect((await categoryHistory(s.handle.db, a.id)).map((h) => [h.category, h.fromDate, h.toDate, h.source])).toEqual([
      ["dibao", "2025-10-01", "2025-10-31", "civil_affairs 2025-10"],
      ["returned_poverty", "2025-11-01", null, "rural_revitalization 2025-11"],
    ]);
    const c = (await findPersonByIdNumber(s.handle.db, C))!;
    expect((await categoryOn(s.handle.db, c.id, "2025-11-30"))?.category).toBe("monitored");
    expect(await categoryOn(s.handle.db, c.id, "2025-12-01")).toBeNull();
    await expect(consolidateMonth(await contextOf(s, "yibao.clerk"), "2025-10")).rejects.toMatchObject({ field: "month" });
  });

  it("refuses a department's clerk sending another department's list, and a consolidation by a sender", async () => {
    const path = await gb18030("x.csv", [[B, "李四", "特困人员", "在册", "430524100202", "2025-09-20", ""]]);
    await expect(importAs("xiangcun.clerk", "civil_affairs", "2026-01", path)).rejects.toMatchObject({ field: "department" });
    await expect(consolidateMonth(await contextOf(s, "minzheng.clerk"), "2026-01")).rejects.toMatchObject({ code: "forbidden" });
    // The command line's name is reserved: no account can pass for it (imports once exempted "cli" from the department check).
    await expect(
      createUser(await contextOf(s, "admin"), { username: "cli", displayName: "命令行", department: "rural_revitalization", role: "clerk", jurisdiction: "430524000000", password: "Clerk#2026abc" }),
    ).rejects.toMatchObject({ field: "username" });
  });

  it("refuses a row that would rename a registered person or move them to another village, changing nothing", async () => {
    const registerOf = async (id: string) => {
      const p = (await findPersonByIdNumber(s.handle.db, id))!;
      return { name: p.name, divisionCode: p.divisionCode, updatedAt: p.updatedAt.toISOString() };
    };
    const beforeA = await registerOf(A);
    const beforeB = await registerOf(B);
    const before = await counts();
    // 残联 sends A (民政's 张三丰 of 430524100201) under another name in another township's village,
    // and B with the right name but another village.
    const path = await gb18030("cl-2026-01.csv", [
      [A, "张三", "城乡重度残疾人员", "新增", "430524101201", "2025-12-01", ""],
      [B, "李四", "城乡重度残疾人员", "新增", "430524100203", "2025-12-01", ""],
    ]);
    const r = await importAs("canlian.clerk", "disability", "2026-01", path);
    expect(r.accepted).toBe(0);
    expect(r.rejected.map((e) => `${e.row}/${e.column}`)).toEqual(["2/姓名", "2/区划代码", "3/区划代码"]);
    // The register's name is shown masked, never in clear; the register's village not at all.
    expect(r.rejected[0]!.reason).toContain("张*丰");
    expect(r.rejected[0]!.reason).not.toContain("张三丰");
    expect(r.rejected[1]!.reason).not.toContain("430524100201");
    expect(await registerOf(A)).toEqual(beforeA);
    expect(await registerOf(B)).toEqual(beforeB);
    expect(await counts()).toEqual(before);
  });

  it("turns an empty file and 5 MB of garbage into one clear problem, storing nothing", async () => {
    const before = await counts();
    await writeFile(files.file("empty.csv"), "");
    const empty = await importAs("minzheng.clerk", "civil_affairs", "2026-01", files.file("empty.csv"));
    expect(empty.rejected).toHaveLength(1);
    expect(empty.rejected[0]!.reason).toMatch(/空|没有内容/);
    const garbage = Buffer.alloc(5 * 1024 * 1024);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 2654435761) >>> 24;
    await writeFile(files.file("garbage.xlsx"), garbage);
    const g = await importAs("minzheng.clerk", "civil_affairs", "2026-01", files.file("garbage.xlsx"));
    expect(g.rejected).toHaveLength(1);
    expect(await counts()).toEqual(before);
  });

  it("registers a new person once when three departments send them at the same moment, and lists the lower categories by rank", async () => {
    const E = syntheticId(900_005);
    const mz = await gb18030("mz-2026-01.csv", [[E, "孙八", "低保对象", "新增", "430524100205", "2025-12-01", ""]]);
    const xc = await bomUtf8("xc-2026-01.csv", [[E, "孙八", "返贫致贫人口", "新增", "430524100205", "2025-12-02", ""]]);
    const cl = files.file("cl-2026-01.xlsx");
    await writeXlsxFile(cl, [HEADER, [E, "孙八", "城乡重度残疾人员", "新增", "430524100205", "2025-12-03", ""]]);
    // Sent in the opposite order of the ranking, all at once (on PostgreSQL on three connections).
    const results = await Promise.all([
      importAs("canlian.clerk", "disability", "2026-01", cl),
      importAs("xiangcun.clerk", "rural_revitalization", "2026-01", xc),
      importAs("minzheng.clerk", "civil_affairs", "2026-01", mz),
    ]);
    for (const r of results) expect(r).toMatchObject({ accepted: 1, added: 1, rejected: [] });
    const [row] = await s.handle.raw.query<{ people: number; rolls: number }>(
      `select (select count(*) from people where id_hash = $1)::int as people,
              (select count(*) from department_memberships m join people p on p.id = m.person_id where p.id_hash = $1 and m.to_date is null)::int as rolls`,
      [idHashOf(E)],
    );
    expect(row).toEqual({ people: 1, rolls: 3 });

    await consolidateMonth(await contextOf(s, "yibao.clerk"), "2026-01");
    const [conflict] = await s.handle.raw.query<{ chosen: string; reason: string; candidates: { department: string }[] }>(
      "select c.chosen, c.reason, c.candidates from consolidation_conflicts c join people p on p.id = c.person_id where p.id_hash = $1",
      [idHashOf(E)],
    );
    expect(conflict!.chosen).toBe("dibao");
    expect(conflict!.reason).toBe("待遇就高不重复：低保对象 优先于 返贫致贫人口、城乡重度残疾人员");
    expect(conflict!.candidates.map((c) => c.department)).toEqual(["civil_affairs", "rural_revitalization", "disability"]);
  });

  it("honours the ranking of the policy version in force, not a fixed order", async () => {
    // A version copied from 邵阳's preset with returned_poverty ranked above dibao: the person on both lists follows it.
    const preset = getPreset("shaoyang-2021")!;
    const inverted = { ...preset, ranking: [["returned_poverty"], ...preset.ranking.filter((t) => !(t as string[]).includes("returned_poverty"))] };
    const [v] = await s.handle.db.insert(policyVersions).values({ policyId: "longhui-test", version: 1, name: "排序测试版", record: inverted as never, status: "active" }).returning();
    await s.handle.db.insert(policyActivations).values({ divisionCode: "430524000000", versionId: v!.id, activeFrom: "2026-02-01" });
    const D = syntheticId(900_004);
    await importAs("minzheng.clerk", "civil_affairs", "2026-02", await gb18030("mz-2026-02.csv", [[D, "钱七", "低保对象", "新增", "430524100204", "2026-01-10", ""]]));
    await importAs("xiangcun.clerk", "rural_revitalization", "2026-02", await bomUtf8("xc-2026-02.csv", [[D, "钱七", "返贫致贫人口", "新增", "430524100204", "2026-01-10", ""]]));
    const r = await consolidateMonth(await contextOf(s, "yibao.clerk"), "2026-02");
    expect(r.rankingFrom).toContain("排序测试版");
    const d = (await findPersonByIdNumber(s.handle.db, D))!;
    expect((await categoryOn(s.handle.db, d.id, "2026-02-01"))?.category).toBe("returned_poverty");
    // Under the default ranking (no version in force before 2026-02) dibao would have won: the version decided.
    await s.handle.db.execute(sql`select 1`);
  });
});
