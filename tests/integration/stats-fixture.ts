// Shared set-up of the dashboard statistics tests (not a test file itself):
// a database small enough to count every figure by hand, written with plain
// inserts (the statistics only read these tables). The expected figures are
// worked out in the test files from the comments below.
//
// 隆回县 430524 with two townships; 邵东县 430521 beside it, never counted.
//   桃洪镇 430524100: 松岭村 …201, 金田村 …202      小沙江镇 430524101: 旺溪村 …201
// People (people.division_code is the village they are in now):
//   P1 松岭  dibao since 2026-01-01                         enrolled 2026
//   P2 松岭  tekun 2026-01-01–06-30, dibao from 07-01       enrolled 2026 (changed category mid-year)
//   P3 金田  monitored since 2025-01-01; registered in 松岭, moved to 金田 (the row updated)  enrolled 2025 and 2026
//   P4 旺溪  tekun since 2026-01-01                         not enrolled 2026
//   P5 旺溪  dibao_edge 2026-03-01–10-31 (left)             enrolled 2026
//   P6 邵东  dibao since 2026-01-01                         enrolled 2026
// The county has 济宁 002's preset activated from 2023-01-01 (coverage target 99 %).
//
// Subsidies (subsidy / personal; funding lines):
//   2026 P1 dibao      342.00 /  38.00  医疗救助基金 342.00, 个人 38.00
//   2026 P2 tekun      380.00 /   0.00  医疗救助基金 300.00, 财政 80.00, 个人 0.00   (tekun on the payment day 2025-11-01)
//   2026 P3 monitored  266.00 / 114.00  医疗救助基金 266.00, 个人 114.00
//   2026 P5 dibao_edge 190.00 / 190.00  财政 190.00, 个人 190.00
//   2025 P3 monitored  250.00 / 130.00  医疗救助基金 250.00, 个人 130.00
//   2026 P6 dibao      380.00 /   0.00  (other county)
//
// Claims (total / policy scope; basic, critical, assistance, tilted, self-paid of the current settlement):
//   C1 P1 2026-11-05 inpatient  10000.00 /  9000.00; 5400.00, 0.00, 2520.00, 0.00, 1080.00  dibao
//   C2 P2 2026-11-20 outpatient   500.00 /   400.00;  200.00, 0.00,  140.00, 0.00,   60.00  dibao
//   C3 P4 2026-10-10 inpatient  30000.00 / 25000.00; 15000.00, 3000.00, 4900.00, 600.00, 1500.00  tekun
//        (its first settlement 10000.00, 5000.00, 7000.00, 0.00, 3000.00 is superseded: never counted)
//   C4 P6 2026-11-01 inpatient (other county)           C5 P3 2026-12-01 inpatient, not settled yet
//   C6 P3 2025-12-31 outpatient 1000.00 / 800.00; 400.00, 0.00, 280.00, 0.00, 120.00  monitored
//
// On-application cases (today 2026-12-02):
//   A1 P1 桃洪 accepted 2026-11-02, forwarded 11-10, approved 11-20, paid 11-27   (every step on time)
//   A2 P2 桃洪 accepted 2026-10-09, refused by the township 11-09                 (township step late)
//   A3 P4 小沙江 accepted 2026-11-16, township_review, due 11-30                  (open, overdue)
//   A4 P3 桃洪 accepted 2025-12-20, paid 2026-01-20                                (accepted in 2025)
//   A5 P6 邵东 accepted 2026-11-02                                                 (other county)
//
// Monitoring flags:
//   F1 P1 2026 open   F2 P4 2026 dismissed   F3 P3 2026 assistance_granted   F4 P5 2025 open   F5 P6 2026 open (other county)
import Decimal from "decimal.js";
import { seedHolidaySchedules } from "@/seed/calendar";
import { seedPolicyPresets } from "@/seed/policies";
import { scratchDb, type DriverName, type Scratch } from "../helpers/scratch-db";

export const COUNTY = "430524000000";
export const TAOHONG = "430524100000";
export const XIAOSHAJIANG = "430524101000";
export const SONGLING = "430524100201";
export const JINTIAN = "430524100202";
export const WANGXI = "430524101201";
export const OTHER_COUNTY = "430521000000";
/** 10:00 Beijing time on Wednesday 2026-12-02. */
export const NOW = new Date("2026-12-02T02:00:00Z");

export type StatsFixture = { s: Scratch; ids: Record<string, string> };

export async function statsFixture(driver: DriverName): Promise<StatsFixture> {
  const s = await scratchDb(driver);
  await seedHolidaySchedules(s.handle.db);
  await seedPolicyPresets(s.handle.db);
  const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await s.handle.raw.query(text, params)) as T[];
  const divisions: [string, string, string, string | null][] = [
    [COUNTY, "隆回县", "county", null],
    [TAOHONG, "桃洪镇", "township", COUNTY],
    [XIAOSHAJIANG, "小沙江镇", "township", COUNTY],
    [SONGLING, "松岭村", "village", TAOHONG],
    [JINTIAN, "金田村", "village", TAOHONG],
    [WANGXI, "旺溪村", "village", XIAOSHAJIANG],
    [OTHER_COUNTY, "邵东县", "county", null],
    ["430521100000", "某镇", "township", OTHER_COUNTY],
    ["430521100201", "某村", "village", "430521100000"],
  ];
  for (const [code, name, level, parent] of divisions) {
    await q("insert into divisions (code, name, level, parent_code, valid_from) values ($1, $2, $3, $4, '2020-01-01')", [code, name, level, parent]);
  }
  const [policy] = await q<{ id: number }>("select id from policy_versions where policy_id = 'jining-2023' and version = 1");
  const policyId = policy!.id;
  await q("insert into policy_activations (division_code, version_id, active_from) values ($1, $2, '2023-01-01')", [COUNTY, policyId]);

  const ids: Record<string, string> = {};
  const people: [string, string][] = [
    ["P1", SONGLING],
    ["P2", SONGLING],
    ["P3", SONGLING],
    ["P4", WANGXI],
    ["P5", WANGXI],
    ["P6", "430521100201"],
  ];
  for (const [i, [key, village]] of people.entries()) {
    // Clear ID column (allowed for rows from before encryption): the statistics never read it.
    const [row] = await q<{ id: string }>("insert into people (id_number, name, sex, birth_date, division_code) values ($1, $2, 'male', '1958-03-01', $3) returning id", [
      `43052419580301${String(2000 + i)}`,
      `统计${key}`,
      village,
    ]);
    ids[key] = row!.id;
  }
  // P3 moved from 松岭 to 金田: only the current village is kept on the person.
  await q("update people set division_code = $1 where id = $2", [JINTIAN, ids.P3]);

  const categories: [string, string, string, string | null][] = [
    ["P1", "dibao", "2026-01-01", null],
    ["P2", "tekun", "2025-01-01", "2026-06-30"],
    ["P2", "dibao", "2026-07-01", null],
    ["P3", "monitored", "2025-01-01", null],
    ["P4", "tekun", "2026-01-01", null],
    ["P5", "dibao_edge", "2026-03-01", "2026-10-31"],
    ["P6", "dibao", "2026-01-01", null],
  ];
  for (const [key, category, from, to] of categories) {
    await q("insert into person_categories (person_id, category, from_date, to_date, source) values ($1, $2, $3, $4, 'fixture')", [ids[key], category, from, to]);
  }
  const enrolled: [string, number][] = [["P1", 2026], ["P2", 2026], ["P3", 2025], ["P3", 2026], ["P5", 2026], ["P6", 2026]];
  for (const [key, year] of enrolled) {
    await q("insert into enrolments (person_id, year, contribution, paid_on) values ($1, $2, '380.00', $3)", [ids[key], year, `${year - 1}-11-01`]);
  }
  const line = (source: string, amount: string) => ({ source, amount });
  const subsidies: [string, number, string, string, string, { source: string; amount: string }[]][] = [
    ["P1", 2026, "dibao", "342.00", "38.00", [line("medical_assistance", "342.00"), line("personal", "38.00")]],
    ["P2", 2026, "tekun", "380.00", "0.00", [line("medical_assistance", "300.00"), line("finance", "80.00"), line("personal", "0.00")]],
    ["P3", 2026, "monitored", "266.00", "114.00", [line("medical_assistance", "266.00"), line("personal", "114.00")]],
    ["P5", 2026, "dibao_edge", "190.00", "190.00", [line("finance", "190.00"), line("personal", "190.00")]],
    ["P3", 2025, "monitored", "250.00", "130.00", [line("medical_assistance", "250.00"), line("personal", "130.00")]],
    ["P6", 2026, "dibao", "380.00", "0.00", [line("medical_assistance", "380.00"), line("personal", "0.00")]],
  ];
  for (const [key, year, category, subsidy, personal, funding] of subsidies) {
    await q("insert into subsidies (person_id, year, category, policy_version_id, subsidy, personal, funding) values ($1, $2, $3, $4, $5, $6, $7::jsonb)", [
      ids[key],
      year,
      category,
      policyId,
      subsidy,
      personal,
      JSON.stringify(funding),
    ]);
  }

  type Tiers = [string, string, string, string, string];
  const claim = async (ext: string, key: string, date: string, setting: string, total: string, scope: string, category: string | null, ...settlements: { tiers: Tiers; superseded?: boolean }[]) => {
    const outOfScope = new Decimal(total).minus(scope).toFixed(2);
    const [row] = await q<{ id: string }>(
      `insert into claims (external_id, person_id, claim_date, setting, hospital_name, hospital_level, total_cost, policy_scope_cost, out_of_scope_cost)
       values ($1, $2, $3, $4, '隆回县人民医院', 2, $5, $6, $7) returning id`,
      [ext, ids[key], date, setting, total, scope, outOfScope],
    );
    for (const st of settlements) {
      await q(
        `insert into claim_settlements (claim_id, category, policy_version_id, basic, critical, assistance, tilted, self_paid, trace, superseded_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, '[]'::jsonb, $9)`,
        [row!.id, category, policyId, ...st.tiers, st.superseded ? "2026-11-01T00:00:00Z" : null],
      );
    }
  };
  await claim("C1", "P1", "2026-11-05", "inpatient", "10000.00", "9000.00", "dibao", { tiers: ["5400.00", "0.00", "2520.00", "0.00", "1080.00"] });
  await claim("C2", "P2", "2026-11-20", "outpatient", "500.00", "400.00", "dibao", { tiers: ["200.00", "0.00", "140.00", "0.00", "60.00"] });
  await claim(
    "C3",
    "P4",
    "2026-10-10",
    "inpatient",
    "30000.00",
    "25000.00",
    "tekun",
    { tiers: ["10000.00", "5000.00", "7000.00", "0.00", "3000.00"], superseded: true },
    { tiers: ["15000.00", "3000.00", "4900.00", "600.00", "1500.00"] },
  );
  await claim("C4", "P6", "2026-11-01", "inpatient", "8000.00", "8000.00", "dibao", { tiers: ["4000.00", "0.00", "2800.00", "0.00", "1200.00"] });
  await claim("C5", "P3", "2026-12-01", "inpatient", "6000.00", "6000.00", null);
  await claim("C6", "P3", "2025-12-31", "outpatient", "1000.00", "800.00", "monitored", { tiers: ["400.00", "0.00", "280.00", "0.00", "120.00"] });

  const application = async (no: string, key: string, township: string, a: Record<string, string | null>) => {
    const accepted = a.accepted_on!;
    await q(
      `insert into applications (case_no, person_id, township_code, year, accepted_on, state, filer_kind, due_on, forwarded_on, approved_on, paid_on, refused_on, refusal_reason)
       values ($1, $2, $3, $4, $5, $6, 'self', $7, $8, $9, $10, $11, $12)`,
      [no, ids[key], township, Number(accepted.slice(0, 4)), accepted, a.state, a.due_on ?? null, a.forwarded_on ?? null, a.approved_on ?? null, a.paid_on ?? null, a.refused_on ?? null, a.refused_on ? "经入户调查，家庭收入超过标准" : null],
    );
  };
  await application("A1", "P1", TAOHONG, { accepted_on: "2026-11-02", state: "paid", forwarded_on: "2026-11-10", approved_on: "2026-11-20", paid_on: "2026-11-27" });
  await application("A2", "P2", TAOHONG, { accepted_on: "2026-10-09", state: "refused", refused_on: "2026-11-09" });
  await application("A3", "P4", XIAOSHAJIANG, { accepted_on: "2026-11-16", state: "township_review", due_on: "2026-11-30" });
  await application("A4", "P3", TAOHONG, { accepted_on: "2025-12-20", state: "paid", forwarded_on: "2025-12-25", approved_on: "2026-01-05", paid_on: "2026-01-20" });
  await application("A5", "P6", "430521100000", { accepted_on: "2026-11-02", state: "accepted", due_on: "2026-11-16" });

  const flag = async (key: string, year: number, status: "open" | "closed", outcome: string | null) => {
    await q(
      `insert into monitoring_flags (person_id, year, rule_id, policy_version_id, category, figure, threshold, basis, claim_ids, raised_on, latest_figure, evaluated_on, status, outcome, outcome_reason, closed_on)
       values ($1, $2, 'fixture-rule', $3, 'dibao', '9000.00', '8000.00', '测试规则：9000.00 > 8000.00', '[]'::jsonb, $4, '9000.00', $4, $5, $6, $7, $8)`,
      [ids[key], year, policyId, `${year}-11-01`, status, outcome, outcome === "dismissed" ? "已核实为一次性支出" : null, status === "closed" ? `${year}-11-15` : null],
    );
  };
  await flag("P1", 2026, "open", null);
  await flag("P4", 2026, "closed", "dismissed");
  await flag("P3", 2026, "closed", "assistance_granted");
  await flag("P5", 2025, "open", null);
  await flag("P6", 2026, "open", null);
  return { s, ids };
}
