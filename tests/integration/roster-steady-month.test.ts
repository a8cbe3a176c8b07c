import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFile } from "node:fs/promises";
import { consolidateMonth } from "@/lib/rosters/consolidate-month";
import { importRoster } from "@/lib/rosters/import-roster";
import { findPersonByIdNumber } from "@/db/queries/people-lookup";
import { correctPersonRegister } from "@/lib/people/correct-person-register";
import { csvText, syntheticId, tempDir } from "@/tests/helpers/roster-files";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// The steady month (issue 9): a re-sent roll costs what changed. Rows that
// repeat the open roll are counted without staging, and consolidation
// recomputes only the people whose rolls changed. Both must give what the
// full path gives: two databases receive the same lists; `a` consolidates
// incrementally, `b` recomputes everyone (the `full` option), and every
// stored result is compared after each month.

const HEADER = ["身份证号", "姓名", "类别", "变动", "区划代码", "认定日期", "备注"];
const VILLAGES = ["430524100201", "430524100202", "430524100203", "430524100204", "430524100205"];
const CATS = {
  civil_affairs: ["低保对象", "特困人员", "低保边缘家庭成员"],
  rural_revitalization: ["返贫致贫人口", "防止返贫监测帮扶对象"],
  disability: ["城乡重度残疾人员"],
} as const;
type Dept = keyof typeof CATS;
const CLERK: Record<Dept, string> = { civil_affairs: "minzheng.clerk", rural_revitalization: "xiangcun.clerk", disability: "canlian.clerk" };
const SURNAMES = "李王张刘陈杨赵黄周吴";

const id = (n: number) => syntheticId(910_000 + n);
const row = (n: number, dept: Dept, change: string, shift = 0) => {
  const cats = CATS[dept];
  return [id(n), `${SURNAMES[n % 10]}${"伟芳娜敏静丽强磊军洋"[Math.floor(n / 10) % 10]}${"明超秀英华"[n % 5]}`, cats[(n + shift) % cats.length]!, change, VILLAGES[n % 5]!, `2026-0${1 + (n % 2)}-1${n % 10}`, ""];
};
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe.each(drivers())("a steady month on %s", (driver) => {
  let a: Scratch;
  let b: Scratch;
  let files: Awaited<ReturnType<typeof tempDir>>;
  let fileNo = 0;
  // Two seeded databases: on a loaded machine more than the default hook time.
  beforeAll(async () => {
    [a, b] = await Promise.all([seededDb(driver), seededDb(driver)]);
    files = await tempDir();
  }, 360_000);
  afterAll(async () => {
    await a?.drop();
    await b?.drop();
    await files?.remove();
  });

  /** Sends the same list to both databases; the results must agree, and `a`'s is returned. */
  const send = async (dept: Dept, month: string, rows: string[][]) => {
    const path = files.file(`${dept}-${month}-${++fileNo}.csv`);
    await writeFile(path, csvText([HEADER, ...rows]), "utf8");
    const input = { department: dept, month, path, fileName: `${dept}-${month}.csv` } as const;
    const ra = await importRoster(await contextOf(a, CLERK[dept]), input);
    const rb = await importRoster(await contextOf(b, CLERK[dept]), input);
    expect(ra).toEqual(rb);
    return ra;
  };
  const snapshot = async (s: Scratch) => {
    const [run] = await s.handle.raw.query<Record<string, unknown>>(
      "SELECT month, persons, by_category, conflicts, added, removed, changed FROM consolidations ORDER BY id DESC LIMIT 1",
    );
    const categories = await s.handle.raw.query(
      `SELECT p.id_hash, c.category, c.from_date::text, c.to_date::text, c.source FROM person_categories c JOIN people p ON p.id = c.person_id
       ORDER BY p.id_hash, c.from_date`,
    );
    const conflicts = await s.handle.raw.query(
      `SELECT p.id_hash, c.candidates, c.chosen, c.reason FROM consolidation_conflicts c JOIN people p ON p.id = c.person_id
       WHERE c.consolidation_id = (SELECT max(id) FROM consolidations) ORDER BY p.id_hash`,
    );
    return { run, categories, conflicts };
  };
  /** Consolidates `a` incrementally and `b` in full, and compares everything stored. */
  const consolidateBoth = async (month: string) => {
    const ra = await consolidateMonth(await contextOf(a, "yibao.clerk"), month);
    const rb = await consolidateMonth(await contextOf(b, "yibao.clerk"), month, { full: true });
    expect(ra).toEqual(rb);
    const [sa, sb] = [await snapshot(a), await snapshot(b)];
    expect(sa.conflicts.length).toBeGreaterThan(0);
    expect(sa).toEqual(sb);
    return ra;
  };

  it("month 1: everyone 新增, consolidated from scratch", async () => {
    expect(await send("civil_affairs", "2026-03", range(0, 100).map((n) => row(n, "civil_affairs", "新增")))).toMatchObject({ added: 100, unchanged: 0 });
    await send("rural_revitalization", "2026-03", range(70, 150).map((n) => row(n, "rural_revitalization", "新增")));
    await send("disability", "2026-03", range(90, 110).map((n) => row(n, "disability", "新增")));
    expect(await consolidateBoth("2026-03")).toMatchObject({ persons: 150, added: 150 });
  });

  it("month 2: the same people as 在册 with removals, category changes and new people; counts as the full path counts them", async () => {
    const civil = [
      ...range(0, 100).map((n) => (n % 10 === 3 ? row(n, "civil_affairs", "减少") : n % 17 === 5 ? row(n, "civil_affairs", "在册", 1) : row(n, "civil_affairs", "在册"))),
      ...range(200, 210).map((n) => row(n, "civil_affairs", "新增")),
    ];
    const removed = range(0, 100).filter((n) => n % 10 === 3).length;
    const changed = range(0, 100).filter((n) => n % 10 !== 3 && n % 17 === 5).length;
    expect(await send("civil_affairs", "2026-04", civil)).toMatchObject({
      accepted: 110, removed, added: changed + 10, unchanged: 100 - removed - changed, rejected: [],
    });
    const rural = [
      ...range(70, 150).map((n) => (n % 9 === 0 ? row(n, "rural_revitalization", "减少") : row(n, "rural_revitalization", "在册"))),
      ...range(210, 215).map((n) => row(n, "rural_revitalization", "新增")),
    ];
    await send("rural_revitalization", "2026-04", rural);
    expect(await consolidateBoth("2026-04")).toMatchObject({ month: "2026-04" });
    // A second list for the same month after its consolidation, and the month consolidated again.
    await send("rural_revitalization", "2026-04", range(120, 130).filter((n) => n % 9 !== 0).map((n) => row(n, "rural_revitalization", "减少")));
    const again = await consolidateBoth("2026-04");
    expect(again.removed + again.changed).toBeGreaterThan(0);
  });

  it("a list for a later month sent before the earlier month is consolidated still counts in the later one", async () => {
    // June's removals close entries on 05-31: May's run sees the list and keeps them; June's must drop them.
    await send("civil_affairs", "2026-05", range(0, 30).filter((n) => n % 10 !== 3).map((n) => row(n, "civil_affairs", "在册", 2)));
    await send("rural_revitalization", "2026-06", range(70, 100).filter((n) => n % 9 !== 0).map((n) => row(n, "rural_revitalization", "减少")));
    await consolidateBoth("2026-05");
    const june = await consolidateBoth("2026-06");
    expect(june.removed + june.changed).toBeGreaterThan(0);
  });

  it("refuses a re-sent row under another name, and a person sent twice, as the full path does", async () => {
    const renamed = row(40, "civil_affairs", "在册");
    renamed[1] = "改名字";
    const r = await send("civil_affairs", "2026-07", [row(41, "civil_affairs", "在册"), renamed]);
    expect(r).toMatchObject({ accepted: 0, rejected: [{ row: 3, column: "姓名" }] });
    // 41 matches the roll, then comes again as 减少; 42 matches, then comes again unchanged.
    const twice = await send("civil_affairs", "2026-07", [row(41, "civil_affairs", "在册"), row(42, "civil_affairs", "在册"), row(41, "civil_affairs", "减少"), row(42, "civil_affairs", "在册")]);
    expect(twice.accepted).toBe(0);
    expect(twice.rejected).toEqual([
      { row: 4, column: "身份证号", reason: "与第 2 行身份证号重复" },
      { row: 5, column: "身份证号", reason: "与第 3 行身份证号重复" },
    ]);
  });

  it("an unchanged re-send writes no roll rows, and the next run recomputes only the people whose rolls changed", async () => {
    const disability = (change: string) => range(300, 340).map((n) => row(n, "disability", change));
    await send("disability", "2026-08", disability("新增"));
    await consolidateBoth("2026-08");
    // Every roll row as stored, with the transaction that last wrote it: a rewritten row has a new xmin.
    const roll = (s: Scratch) => s.handle.raw.query("SELECT id, xmin::text AS x, to_date::text FROM department_memberships ORDER BY id");
    const [beforeA, beforeB] = [await roll(a), await roll(b)];
    expect(await send("disability", "2026-09", disability("在册"))).toMatchObject({ accepted: 40, added: 0, removed: 0, unchanged: 40 });
    expect(await roll(a)).toEqual(beforeA);
    expect(await roll(b)).toEqual(beforeB);

    // One person leaves: the incremental run compares that one person, the full run everyone.
    await send("disability", "2026-10", [row(305, "disability", "减少"), ...range(306, 340).map((n) => row(n, "disability", "在册"))]);
    expect(await consolidateBoth("2026-10")).toMatchObject({ removed: 1 });
    const recomputed = async (s: Scratch) =>
      (await s.handle.raw.query<{ n: number }>("SELECT recomputed AS n FROM consolidations ORDER BY id DESC LIMIT 1"))[0]!.n;
    expect(await recomputed(a)).toBe(1);
    expect(await recomputed(b)).toBeGreaterThan(100);
  });

  it("a row that repeats the roll but no longer the corrected register is refused, as the full path refuses it", async () => {
    // 医保 corrects person 310's name; the roll entry still says what the old list said.
    for (const s of [a, b]) {
      const person = (await findPersonByIdNumber(s.handle.db, id(310)))!;
      await correctPersonRegister(await contextOf(s, "yibao.reviewer"), person.id, { name: "欧阳修远", divisionCode: person.divisionCode, reason: "经户籍信息核实" });
    }
    const old = await send("disability", "2026-11", [row(310, "disability", "在册")]);
    expect(old).toMatchObject({ accepted: 0, rejected: [{ row: 2, column: "姓名" }] });
    const corrected = row(310, "disability", "在册");
    corrected[1] = "欧阳修远";
    expect(await send("disability", "2026-11", [corrected])).toMatchObject({ accepted: 1, added: 0, unchanged: 1, rejected: [] });
  });
});
