import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { monitoringFlags } from "@/db/schema";
import type { ManualOutcome } from "@/lib/monitoring/domain/flag-view";
import { recordFlagOutcome } from "@/lib/monitoring/record-flag-outcome";
import { DEMO_CLAIMS_YEAR } from "./claims";
import { atBeijing10, demoActors } from "./demo-actors";

// Demo step: part of the monitoring worklist followed to an outcome, so that
// the worklist and the 统计分析 dashboard show open and closed flags. The
// 医保 clerk of the county closes about one flag in five through the real use
// case (audited), each on a working day of November 2026, with what was done
// as a clerk would write it; the rest stay open for the demo's 民政,
// 乡村振兴 and township clerks. Runs while no flag of the year is closed.

const DONE: { outcome: ManualOutcome; reason: string }[] = [
  { outcome: "assistance_granted", reason: "已于2026年11月经依申请救助审批给予医疗救助，见县医保局审批表" },
  { outcome: "category_assigned", reason: "经乡镇申报、县乡村振兴局认定，已纳入防止返贫监测对象（突发严重困难户）" },
  { outcome: "dismissed", reason: "经入户核实，大额费用已由商业补充医疗保险报销，家庭收入稳定，无返贫致贫风险" },
  { outcome: "category_assigned", reason: "经县民政局认定，已纳入低保边缘家庭，按规定享受医疗救助" },
  { outcome: "dismissed", reason: "经核实为一次性意外伤害，已获第三方赔付，家庭经济状况正常" },
];
const DAYS = ["2026-11-03", "2026-11-06", "2026-11-11", "2026-11-17", "2026-11-24"];

export async function seedDemoMonitoringOutcomes(db: Db): Promise<Record<string, number> | null> {
  const [closed] = await db.select({ n: sql<number>`count(*)::int` }).from(monitoringFlags).where(and(eq(monitoringFlags.year, DEMO_CLAIMS_YEAR), eq(monitoringFlags.status, "closed")));
  if ((closed?.n ?? 0) > 0) return null;
  const open = await db.select({ id: monitoringFlags.id }).from(monitoringFlags).where(and(eq(monitoringFlags.year, DEMO_CLAIMS_YEAR), eq(monitoringFlags.status, "open"))).orderBy(asc(monitoringFlags.id));
  if (open.length === 0) return null;
  const actor = (await demoActors(db, ["yibao.clerk"]))("yibao.clerk");
  let n = 0;
  for (const [i, f] of open.entries()) {
    if (i % 5 !== 2) continue;
    const done = DONE[n % DONE.length]!;
    await recordFlagOutcome({ db, actor, now: atBeijing10(DAYS[n % DAYS.length]!) }, f.id, done);
    n++;
  }
  return n > 0 ? { "monitoring flags closed": n } : null;
}
