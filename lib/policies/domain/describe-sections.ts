import { describeAmount } from "@/lib/subsidy/describe-rule";
import type { PolicyRecord } from "./schema/policy-record";
import type { Source } from "./schema/source";
import { categoriesText, LEVEL_NAMES, pct, settingsText, sourceRef, yearShareText, yuan } from "./rule-text";

// Sections of describe-policy that are simple lists: subsidy, basic insurance,
// assistance, tilted assistance, special food.

/** One sentence of the readable policy and the source it rests on (its paragraph, quote and whether it is a default). */
export type DescribedLine = { text: string; source: Source | null };

export const cited = (text: string, source: Source): DescribedLine => ({ text, source });
export const plain = (text: string): DescribedLine => ({ text, source: null });

/** The line as one string: "…。来源：003 §三(六)" (tests and plain-text views). */
export const lineText = (line: DescribedLine): string => (line.source ? `${line.text}。来源：${sourceRef(line.source)}` : line.text);

export function subsidyLines(p: PolicyRecord): DescribedLine[] {
  const s = p.subsidy;
  const years = `参保年度 ${s.years.from}${s.years.to === undefined ? " 年起" : `–${s.years.to} 年`}`;
  const lines = [cited(years, s.years.source)];
  for (const r of s.rules) {
    const when = r.fromYear === undefined && r.toYear === undefined ? "" : `（${r.fromYear ?? ""}–${r.toYear ?? ""} 年度）`;
    const tier2 = r.tier2 ? `；二档：${describeAmount(r.tier2)}` : "";
    lines.push(cited(`${categoriesText(r.categories)}${when}：一档：${describeAmount(r.tier1)}${tier2}`, r.tier1.source));
  }
  return lines;
}

export function basicLines(p: PolicyRecord): DescribedLine[] {
  const b = p.basicInsurance;
  const levels = (r: { level1: string; level2: string; level3: string }) =>
    `${LEVEL_NAMES[1]} ${pct(r.level1)}、${LEVEL_NAMES[2]} ${pct(r.level2)}、${LEVEL_NAMES[3]} ${pct(r.level3)}`;
  return [
    plain("仅在就医记录未提供基本医保已结算金额时按以下参数计算"),
    cited(`起付线每年 ${yuan(b.deductiblePerYear.amount)} 元（住院和门诊合计）`, b.deductiblePerYear.source),
    cited(`支付比例：住院 ${levels(b.ratios.inpatient)}；门诊 ${levels(b.ratios.outpatient)}`, b.ratios.source),
    cited(b.annualCap.amount === null ? "年度最高支付限额：未设" : `年度最高支付限额 ${yuan(b.annualCap.amount)} 元`, b.annualCap.source),
  ];
}

function poolText(p: PolicyRecord, id: string): string {
  const pool = p.limitPools.find((x) => x.id === id);
  if (!pool) return `限额 ${id}`;
  const own = pool.annualLimit === null ? `${pool.name}：文件未规定金额（未配置，启用前须填写）` : `${pool.name} ${yuan(pool.annualLimit)} 元`;
  // A nested limit (a policy choice, docs/policy.md §4) says which shared limit it also counts against.
  const parent = pool.within ? p.limitPools.find((x) => x.id === pool.within) : undefined;
  return parent ? `${own}，并计入${poolText(p, parent.id)}（共用）` : own;
}

function parameterLabel(p: PolicyRecord, name: string): string {
  return p.parameters.definitions.find((d) => d.name === name)?.label ?? name;
}

export function assistanceLines(p: PolicyRecord): DescribedLine[] {
  const lines: DescribedLine[] = [];
  for (const r of p.assistance.rules) {
    const disease = { special: "特殊疾病", other: "特殊疾病以外的其他疾病", any: "各类疾病" }[r.disease];
    const trigger = { any: "", settlement: "，一站式结算", application: "，依申请、经审核后按次救助" }[r.trigger];
    const conditions: string[] = [];
    if (r.minHospitalLevel !== null) conditions.push(`${LEVEL_NAMES[r.minHospitalLevel]}及以上医院`);
    if (r.stayCostAbove !== null) conditions.push(`单次住院政策范围内费用超过 ${yuan(r.stayCostAbove)} 元`);
    const d = r.deductible;
    const ded =
      d.kind === "none"
        ? "不设起付线"
        : d.kind === "perYearShare"
          ? `起付线：${yearShareText(parameterLabel(p, d.parameter), d.percent, p.parameters.values.filter((v) => v.name === d.parameter))}，每年`
          : `起付线 ${yuan(d.amount)} 元（${d.kind === "perYear" ? "每年" : "每次申请"}）`;
    const referral = [r.referral.referredRequired ? "须按规定转诊" : "", r.referral.inCityRequired ? "须在市内就医" : ""].filter(Boolean).join("、");
    lines.push(
      cited(
        `${r.name}（${categoriesText(r.categories)}）：${disease}${settingsText(r.settings)}${trigger}` +
          `${conditions.length > 0 ? `，${conditions.join("、")}` : ""}；经基本医保、大病保险后的政策范围内费用，${ded}，救助比例 ${pct(r.ratioPercent)}；` +
          `年度限额：${poolText(p, r.pool)}${referral ? `；${referral}` : ""}`,
        r.source,
      ),
    );
  }
  if (p.assistance.rules.length === 0) lines.push(plain("未配置医疗救助规则，结算时医疗救助为 0"));
  const s = p.assistance.source;
  lines.push(cited(s.note ? `说明：${s.note}` : "说明：见文件", s));
  lines.push(plain("目录外费用不属于政策范围，任何一重均不支付，也不予救助"));
  return lines;
}

export function tiltedLines(p: PolicyRecord): DescribedLine[] {
  if (p.tiltedAssistance.length === 0) return [plain("未配置倾斜救助或再救助")];
  return p.tiltedAssistance.map((r) => {
    const thresholds = r.thresholds.map((g) => `${categoriesText(g.categories)} ${yuan(g.amount)} 元`).join("；");
    const figure = r.period === "annual" ? "一个年度内累计的" : "一次就医";
    const cmp = r.comparison === "gte" ? "达到起付标准及以上" : "超过起付标准";
    const base = r.base === "aboveThreshold" ? "超过起付标准的部分" : "全部自付费用";
    const referral = [r.referral.referredRequired ? "须按规定转诊" : "", r.referral.inCityRequired ? "须在市内就医" : ""].filter(Boolean).join("、");
    return cited(
      `${r.name}：${figure}${settingsText(r.settings)}费用经三重制度后政策范围内个人自付${cmp}的，${base}按 ${pct(r.ratioPercent)} 救助；` +
        `起付标准：${thresholds}；年度限额：${poolText(p, r.pool)}${referral ? `；${referral}` : ""}`,
      r.source,
    );
  });
}

export function foodLines(p: PolicyRecord): DescribedLine[] {
  const f = p.specialFood;
  if (!f) return [];
  const bands = f.bands.map((b, i) => {
    const prev = f.bands[i - 1]?.maxAge;
    const ages = b.maxAge !== null ? `${b.maxAge} 岁及以下` : prev !== undefined && prev !== null ? `${prev} 岁以上` : "各年龄";
    return `${ages} ${pct(b.ratioPercent)}，每年最高 ${yuan(b.annualLimit)} 元`;
  });
  return [cited(`${f.name}（${categoriesText(f.categories)}）：${bands.join("；")}；年龄按就医日的周岁计算`, f.source)];
}
