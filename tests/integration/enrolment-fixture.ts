// Shared set-up of the enrolment tests (not a test file itself): the demo
// county with its policy in force — 隆回县's copy of 邵阳 003, the demo
// region's active policy — but without the other demo data, and a handful of
// people put on the rolls through the real roster import and consolidation.
import { writeFile } from "node:fs/promises";
import iconv from "iconv-lite";
import { findPersonByIdNumber } from "@/db/queries/people-lookup";
import { SEED_STEPS } from "@/seed/steps";
import { consolidateMonth } from "@/lib/rosters/consolidate-month";
import { importRoster } from "@/lib/rosters/import-roster";
import { csvText, syntheticId, tempDir } from "@/tests/helpers/roster-files";
import { scratchDb, type DriverName, type Scratch } from "../helpers/scratch-db";
import { contextOf } from "../helpers/seeded";

export const P = {
  tekun: { id: syntheticId(800_001), name: "特困甲", village: "430524100201" },
  dibao: { id: syntheticId(800_002), name: "低保乙", village: "430524100202" },
  monitored: { id: syntheticId(800_003), name: "监测丙", village: "430524101201" },
  /** 低保 until 2025-11-30, 特困 from 2025-12-01; pays in November. */
  changedLate: { id: syntheticId(800_004), name: "变更丁", village: "430524100203" },
  /** The same history; pays in December. */
  changedEarly: { id: syntheticId(800_005), name: "变更戊", village: "430524101202" },
  tier2: { id: syntheticId(800_006), name: "二档己", village: "430524101203" },
  unenrolledTaohong: { id: syntheticId(800_007), name: "未保庚", village: "430524100204" },
  unenrolledXiaoshajiang: { id: syntheticId(800_008), name: "未保辛", village: "430524101204" },
  unenrolledTekun: { id: syntheticId(800_009), name: "未保壬", village: "430524101205" },
} as const;

const ROSTER_HEADER = ["身份证号", "姓名", "类别", "变动", "区划代码", "认定日期", "备注"];
export const ENROLMENT_HEADER = ["身份证号", "姓名", "参保年度", "缴费档次", "个人缴费标准", "一档个人缴费标准", "缴费日期", "免缴人员"];

export type Fixture = {
  s: Scratch;
  files: Awaited<ReturnType<typeof tempDir>>;
  personId: (key: keyof typeof P) => Promise<string>;
  /** Writes rows (with the enrolment header) as a GB18030 CSV, as Chinese Excel saves "CSV". */
  gb18030: (name: string, rows: string[][], header?: string[]) => Promise<string>;
  roster: (department: "civil_affairs" | "rural_revitalization", month: string, rows: string[][]) => Promise<void>;
  consolidate: (month: string) => Promise<void>;
  drop: () => Promise<void>;
};

export async function enrolmentFixture(driver: DriverName): Promise<Fixture> {
  const s = await scratchDb(driver, { migrate: false });
  await s.handle.migrate();
  for (const step of SEED_STEPS) {
    if (step.kind === "demo" && step.name !== "county policy") continue;
    await step.run(s.handle);
  }
  const files = await tempDir();
  const gb18030 = async (name: string, rows: string[][], header = ENROLMENT_HEADER) => {
    await writeFile(files.file(name), iconv.encode(csvText([header, ...rows]), "gb18030"));
    return files.file(name);
  };
  const roster = async (department: "civil_affairs" | "rural_revitalization", month: string, rows: string[][]) => {
    const path = await gb18030(`${department}-${month}.csv`, rows, ROSTER_HEADER);
    const clerk = department === "civil_affairs" ? "minzheng.clerk" : "xiangcun.clerk";
    const r = await importRoster(await contextOf(s, clerk), { department, month, path, fileName: `${month}.csv` });
    if (r.rejected.length > 0) throw new Error(JSON.stringify(r.rejected));
  };
  const consolidate = async (month: string) => {
    await consolidateMonth(await contextOf(s, "yibao.clerk"), month);
  };
  const f: Fixture = {
    s,
    files,
    personId: async (key) => (await findPersonByIdNumber(s.handle.db, P[key].id))!.id,
    gb18030,
    roster,
    consolidate,
    drop: async () => {
      await s.drop();
      await files.remove();
    },
  };
  const row = (key: keyof typeof P, category: string, change = "新增") => [P[key].id, P[key].name, category, change, P[key].village, "2025-09-15", ""];
  await roster("civil_affairs", "2025-10", [
    row("tekun", "特困人员"), row("dibao", "低保对象"), row("changedLate", "低保对象"), row("changedEarly", "低保对象"),
    row("tier2", "低保对象"), row("unenrolledTaohong", "低保对象"), row("unenrolledTekun", "特困人员"),
  ]);
  await roster("rural_revitalization", "2025-10", [row("monitored", "防止返贫监测帮扶对象"), row("unenrolledXiaoshajiang", "防止返贫监测帮扶对象")]);
  await consolidate("2025-10");
  await roster("civil_affairs", "2025-12", [row("changedLate", "特困人员", "在册"), row("changedEarly", "特困人员", "在册")]);
  await consolidate("2025-12");
  return f;
}
