import { seededRandom, type Random } from "@/lib/demo/random";
import { CLAIM_COLUMN_KEYS, type ClaimColumnKey } from "./claim-columns";

// Synthetic settlement records for the demo county's residents in one year,
// as the insurance platform would export them: mostly stays at level 1–3
// hospitals and outpatient settlements, some special diseases, a few
// unreferred or out-of-city stays, policy-scope costs from a few hundred to
// about 150,000 yuan, basic insurance already settled at about 70 % of the
// policy scope, critical illness left to the engine. People who hold a
// category get most of their claims after it starts, so the year view shows
// assistance, limits and traces; 依申请 marks the large stays of the groups 邵阳
// assists on application. Not real people or hospitals' data.

export type DemoResident = { idNumber: string; name: string; divisionCode: string; category: string | null; categoryFrom: string | null };
export type DemoClaimRow = Record<ClaimColumnKey, string>;

const ON_APPLICATION = new Set(["monitored", "unstable_exit", "edge_poverty", "sudden_hardship", "illness_poverty"]);
const COUNTY_HOSPITALS = ["隆回县人民医院", "隆回县中医医院", "隆回县妇幼保健院", "隆回县第二人民医院"];
const CITY_HOSPITALS = ["邵阳市中心医院", "邵阳学院附属第一医院", "邵阳市中西医结合医院"];
const PROVINCE_HOSPITALS = ["中南大学湘雅医院", "湖南省人民医院"];
const TOWNSHIP_NAMES: Record<string, string> = {
  "100": "桃洪镇", "101": "小沙江镇", "102": "金石桥镇", "103": "司门前镇", "104": "高平镇",
  "105": "六都寨镇", "106": "荷香桥镇", "107": "横板桥镇", "108": "周旺镇", "109": "滩头镇",
};

function dayOf(from: string, to: string, r: Random): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + r.int(0, Math.max(0, Math.round((b - a) / 86_400_000))) * 86_400_000).toISOString().slice(0, 10);
}

/** Yuan with two decimals from a random spread between lo and hi, skewed to the low end. */
function amount(lo: number, hi: number, r: Random): number {
  const x = r.next() ** 2.2;
  return Math.round((lo + (hi - lo) * x) * 100);
}

const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;

function claim(p: DemoResident, date: string, seq: number, r: Random): DemoClaimRow {
  const inpatient = r.next() < 0.62;
  const special = r.next() < (inpatient ? 0.1 : 0.3);
  const roll = r.next();
  const level = !inpatient ? r.pick([1, 1, 2, 2, 3]) : roll < 0.25 ? 1 : roll < 0.72 ? 2 : 3;
  const far = level === 3 && r.next() < 0.3;
  const hospital =
    level === 1 ? `${TOWNSHIP_NAMES[p.divisionCode.slice(6, 9)] ?? "桃洪镇"}卫生院` : level === 2 ? r.pick(COUNTY_HOSPITALS) : far ? r.pick(PROVINCE_HOSPITALS) : r.pick(CITY_HOSPITALS);
  const scope = inpatient ? amount(2_500, 150_000, r) : amount(300, special ? 20_000 : 6_000, r);
  const total = Math.round(scope * (1.04 + r.next() * 0.2));
  const basic = Math.round(scope * (inpatient ? 0.64 + r.next() * 0.1 : 0.5 + r.next() * 0.1));
  const application = inpatient && scope > 2_000_000 && p.category !== null && ON_APPLICATION.has(p.category) && date >= (p.categoryFrom ?? "9999") && r.next() < 0.8;
  const row: DemoClaimRow = {
    external_id: `JS${date.replace(/-/g, "")}${String(430_000 + seq).padStart(6, "0")}`,
    id_number: p.idNumber,
    name: p.name,
    claim_date: date,
    setting: inpatient ? "住院" : special ? "门诊慢特病" : "门诊",
    hospital,
    hospital_level: ["", "一级", "二级", "三级"][level]!,
    special_disease: special ? "是" : "否",
    referred: r.next() < 0.05 ? "否" : "是",
    in_city: far ? "否" : "是",
    total_cost: yuan(total),
    policy_scope_cost: yuan(scope),
    basic_paid: yuan(basic),
    critical_paid: "",
    on_application: application ? "是" : "否",
    hospital_waived: waiver(p, inpatient, level, scope, basic, seq),
    commercial_paid: commercialInsurance(inpatient, scope, basic, seq),
  };
  return row;
}

// 医疗机构减免 and 商业补充保险 (004 §二(二)3 四), so the ledger, the traces and
// the re-assistance tier show them. Chosen by sequence number, not drawn from
// the random stream, so every other figure of the demo stays as it was.
const WAIVED_CATEGORIES = new Set(["tekun", "dibao"]);

/** A county or township hospital waiving 5 % of what basic insurance left a 特困 or 低保 inpatient, at most 500 元, on every fourth such stay. */
function waiver(p: DemoResident, inpatient: boolean, level: number, scope: number, basic: number, seq: number): string {
  if (!inpatient || level > 2 || p.category === null || !WAIVED_CATEGORIES.has(p.category) || seq % 4 !== 0) return "";
  return yuan(Math.min(50_000, Math.round((scope - basic) * 0.05)));
}

/** A city 惠民保 paying 20 % of what basic insurance left above 10,000 元, on every sixth inpatient stay that large. */
function commercialInsurance(inpatient: boolean, scope: number, basic: number, seq: number): string {
  const above = scope - basic - 1_000_000;
  if (!inpatient || above <= 0 || seq % 6 !== 0) return "";
  return yuan(Math.round(above * 0.2));
}

/** About `people` residents (those with a category first), 1–4 claims each, dated `from`…`to`, in date order. */
export function demoClaimsPlan(residents: readonly DemoResident[], opts: { from: string; to: string; people: number; seed?: number }): DemoClaimRow[] {
  const r = seededRandom(opts.seed ?? 2026);
  const withCategory = residents.filter((p) => p.category !== null && (p.categoryFrom ?? "9999") <= opts.to);
  const ordinary = residents.filter((p) => p.category === null);
  const chosen = [...withCategory.slice(0, Math.round(opts.people * 0.7)), ...ordinary.filter(() => r.next() < 0.2)].slice(0, opts.people);
  const rows: DemoClaimRow[] = [];
  let seq = 0;
  for (const p of chosen) {
    const n = r.pick([1, 1, 2, 2, 2, 3, 3, 4]);
    for (let i = 0; i < n; i++) {
      // Mostly after the category starts; now and then earlier in the year (then settled as 普通参保人员).
      const from = p.categoryFrom && p.categoryFrom > opts.from && r.next() < 0.85 ? p.categoryFrom : opts.from;
      rows.push(claim(p, dayOf(from, opts.to, r), ++seq, r));
    }
  }
  return rows.sort((a, b) => (a.claim_date < b.claim_date ? -1 : a.claim_date > b.claim_date ? 1 : 0));
}

export const DEMO_CLAIM_COLUMNS = CLAIM_COLUMN_KEYS;
