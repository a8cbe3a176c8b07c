import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Actor } from "@/lib/auth/domain/actor";
import { seededRandom, type Random } from "@/lib/demo/random";
import { closeUnenrolledCase } from "@/lib/enrolment/close-unenrolled-case";
import { computeSubsidies } from "@/lib/enrolment/compute-subsidies";
import { generateWorklist } from "@/lib/enrolment/generate-worklist";
import { importEnrolment } from "@/lib/enrolment/import-enrolment";
import { beijingToday } from "@/lib/calendar/domain/iso-date";
import type { CaseReason } from "@/lib/enrolment/domain/case-reasons";
import { writeXlsx } from "@/lib/export/domain/xlsx";
import { checkChar } from "@/lib/id-number/id-number";
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import { categoryHolders, countEnrolments, residentsWithoutCategory } from "@/db/queries/enrolment";
import { openCases } from "@/db/queries/enrolment-worklist";
import { findUserByUsername } from "@/db/queries/users";
import type { Db } from "@/db/client";

// Demo: the 2027 enrolment collection (集中参保期, autumn 2026) as the tax
// system would send it — most residents on the demo rosters (which start in
// 2026-09), two of them in tier 2, some ordinary residents and a few people
// the portal does not know — imported through the real use case by the 医保
// clerk; then the subsidies, the 未参保 worklist, and a few cases closed with
// reasons (some left open in 桃洪镇 for its township clerk).
// The contribution standards are illustrative, not an official figure.

export const DEMO_ENROLMENT_YEAR = 2027;
const COLLECTION_START = "2026-09-01";
const TIER1 = "400.00";
const TIER2 = "700.00";
const TAOHONG = "430524100000";
const REASONS: CaseReason[] = ["employee_insurance", "insured_elsewhere", "army", "deceased", "prison"];

export async function seedDemoEnrolment(db: Db): Promise<Record<string, number> | null> {
  if ((await countEnrolments(db)) > 0) return null;
  const holders = await categoryHolders(db, { scopePrefix: "430524", from: COLLECTION_START, to: `${DEMO_ENROLMENT_YEAR}-12-31` });
  if (holders.length === 0) return null; // no rosters consolidated yet: nothing to enrol
  const clerk = await actor(db, "yibao.clerk");
  if (!clerk) return null;
  const today = beijingToday();
  const lastDay = today < "2026-12-31" ? today : "2026-12-31";
  const rnd = seededRandom(DEMO_ENROLMENT_YEAR);

  const rows: string[][] = [];
  let tier2 = 0;
  for (const h of holders) {
    if (rnd.next() < 0.06 || h.firstDay > lastDay) continue; // not enrolled: the worklist's cases
    const twoTier = tier2 < 2 && h.category === "dibao" && rnd.next() < 0.2;
    if (twoTier) tier2++;
    const exempt = h.category === "tekun" ? "是" : "否";
    rows.push([h.idNumber, h.name, String(DEMO_ENROLMENT_YEAR), twoTier ? "二档" : "一档", twoTier ? TIER2 : TIER1, TIER1, day(rnd, h.firstDay, lastDay), exempt]);
  }
  if (rows.length === 0) return null; // a clock before the demo rosters' months: nothing paid yet
  for (const r of await residentsWithoutCategory(db, "430524", 80)) {
    rows.push([r.idNumber, r.name, String(DEMO_ENROLMENT_YEAR), "一档", TIER1, TIER1, day(rnd, COLLECTION_START, lastDay), "否"]);
  }
  for (let i = 0; i < 5; i++) {
    const first17 = `43052119${70 + i}0101${String(900 + i)}`; // born in 邵东 (430521): never one of the demo residents, all born in 430524
    rows.push([first17 + checkChar(first17), `外县${"甲乙丙丁戊"[i]}某`, String(DEMO_ENROLMENT_YEAR), "一档", TIER1, TIER1, day(rnd, COLLECTION_START, lastDay), "否"]);
  }

  const dir = await mkdtemp(join(tmpdir(), "demo-enrolment-"));
  try {
    const path = join(dir, `${DEMO_ENROLMENT_YEAR}年度城乡居民医保参保缴费数据.xlsx`);
    await writeFile(path, rows);
    const ctx = { db, actor: clerk };
    const imported = await importEnrolment(ctx, { path, fileName: "2027年度城乡居民医保参保缴费数据（税务导出）.xlsx" });
    if (imported.rejected.length > 0) throw new Error(`demo enrolment file rejected: ${JSON.stringify(imported.rejected.slice(0, 3))}`);
    const subsidies = await computeSubsidies(ctx, DEMO_ENROLMENT_YEAR);
    const worklist = await generateWorklist(ctx, DEMO_ENROLMENT_YEAR);
    const closed = await closeSome(db, clerk);
    return {
      "enrolments (2027)": imported.enrolled,
      subsidies: imported.subsidies.computed + subsidies.computed,
      "unenrolled cases": worklist.opened,
      "cases closed": closed,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Closes about a third of the cases with reasons, by the 医保 clerk, leaving 桃洪镇's for its township clerk. */
async function closeSome(db: Db, clerk: Actor): Promise<number> {
  let closed = 0;
  for (const [i, c] of (await openCases(db, DEMO_ENROLMENT_YEAR)).entries()) {
    if (c.townshipCode === TAOHONG || i % 3 !== 0) continue;
    const reason = REASONS[closed % REASONS.length]!;
    const note = reason === "insured_elsewhere" ? "在广东省东莞市随务工单位参保" : reason === "employee_insurance" ? "已在县城企业参加职工医保" : "";
    await closeUnenrolledCase({ db, actor: clerk }, c.id, { reason, note });
    closed++;
  }
  return closed;
}

export async function actor(db: Db, username: string): Promise<Actor | null> {
  const u = await findUserByUsername(db, username);
  if (!u) return null;
  const { id, displayName, department, role, jurisdiction, status } = u;
  return { kind: "user", user: { id, username, displayName, department, role, jurisdiction, status }, ip: null, userAgent: "demo-seed" };
}

export function day(rnd: Random, from: string, to: string): string {
  const a = Date.parse(from);
  const span = Math.max(0, Math.round((Date.parse(to) - a) / 86_400_000));
  return new Date(a + rnd.int(0, span) * 86_400_000).toISOString().slice(0, 10);
}

export async function writeFile(path: string, rows: string[][]): Promise<void> {
  const headers = ["身份证号", "姓名", "参保年度", "缴费档次", "个人缴费标准", "一档个人缴费标准", "缴费日期", "免缴人员"];
  const out = createWriteStream(path);
  await writeXlsx(
    [{ name: "参保缴费数据", columns: headers.map((h, i) => ({ header: h, key: String(i), numFmt: "@" })), rows: rows.map((r) => Object.fromEntries(r.map((v, i) => [String(i), v]))) }],
    out,
  );
  await finished(out);
}
