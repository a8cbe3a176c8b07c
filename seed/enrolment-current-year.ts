import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beijingToday } from "@/lib/calendar/domain/iso-date";
import { seededRandom } from "@/lib/demo/random";
import { computeSubsidies } from "@/lib/enrolment/compute-subsidies";
import { importEnrolment } from "@/lib/enrolment/import-enrolment";
import { categoryHolders, countEnrolmentsOfYear } from "@/db/queries/enrolment";
import type { Db } from "@/db/client";
import { actor, day, writeFile } from "./enrolment";

// Demo: the 2026 enrolment ledger, so that the 统计分析 dashboard's coverage
// and 资助参保 figures for this year are not empty. The demo's rosters start in
// 2026-09, so in the data every assisted person is newly certified then; they
// enrol for the current year when certified (新认定的困难群众随时参保), paying
// between their first day on a roster and the end of November, and their
// subsidy is computed on the identity they hold that day. About 2.5 % have
// not enrolled: the dashboard's gap. Imported through the real use case by
// the 医保 clerk. The 2026 未参保 worklist is not generated (the demo's
// worklist is the 2027 collection's).
//
// Last of the demo steps: nothing before it (claims, cases, flags, notices)
// reads the 2026 enrolments, so adding it changes none of their figures.

export const DEMO_CURRENT_YEAR = 2026;
const TIER1 = "400.00";

export async function seedDemoCurrentYearEnrolment(db: Db): Promise<Record<string, number> | null> {
  if ((await countEnrolmentsOfYear(db, DEMO_CURRENT_YEAR)) > 0) return null;
  const holders = await categoryHolders(db, { scopePrefix: "430524", from: `${DEMO_CURRENT_YEAR}-01-01`, to: `${DEMO_CURRENT_YEAR}-12-31` });
  const clerk = await actor(db, "yibao.clerk");
  if (holders.length === 0 || !clerk) return null;
  const today = beijingToday();
  const lastDay = today < `${DEMO_CURRENT_YEAR}-11-30` ? today : `${DEMO_CURRENT_YEAR}-11-30`;
  const rnd = seededRandom(DEMO_CURRENT_YEAR);
  const rows: string[][] = [];
  for (const h of holders) {
    if (rnd.next() < 0.025 || h.firstDay > lastDay) continue;
    rows.push([h.idNumber, h.name, String(DEMO_CURRENT_YEAR), "一档", TIER1, TIER1, day(rnd, h.firstDay, lastDay), h.category === "tekun" ? "是" : "否"]);
  }
  if (rows.length === 0) return null;
  const dir = await mkdtemp(join(tmpdir(), "demo-enrolment-"));
  try {
    const path = join(dir, `${DEMO_CURRENT_YEAR}年度参保缴费数据.xlsx`);
    await writeFile(path, rows);
    const ctx = { db, actor: clerk };
    const imported = await importEnrolment(ctx, { path, fileName: `${DEMO_CURRENT_YEAR}年度城乡居民医保新认定困难群众参保缴费数据（税务导出）.xlsx` });
    if (imported.rejected.length > 0) throw new Error(`demo ${DEMO_CURRENT_YEAR} enrolment file rejected: ${JSON.stringify(imported.rejected.slice(0, 3))}`);
    const more = await computeSubsidies(ctx, DEMO_CURRENT_YEAR);
    return { [`enrolments (${DEMO_CURRENT_YEAR})`]: imported.enrolled, [`subsidies (${DEMO_CURRENT_YEAR})`]: imported.subsidies.computed + more.computed };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
