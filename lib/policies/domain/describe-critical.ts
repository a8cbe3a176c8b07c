import { Money } from "@/lib/money/money";
import type { PolicyRecord } from "./schema/policy-record";
import { cited, plain, type DescribedLine } from "./describe-sections";
import { categoriesText, pct, yuan } from "./rule-text";

// The 大病保险 section, written the way the documents write it:
// "起付线 11000 元（特困人员…减半为 5500 元），报销比例 60%（上述人群提高 5 个百分点），上述人群取消封顶线。来源：003 §三(六)".

export function criticalLines(p: PolicyRecord): DescribedLine[] {
  const c = p.criticalIllness;
  if (!c) return [plain("文件未规定大病保险标准（未配置）；结算时须提供大病保险已结算金额")];
  const t = c.tilt;
  const who = t ? categoriesText(t.categories) : "";
  const factor = (amount: Money) => (t ? amount.times(t.deductibleFactorPercent).div(100) : amount);
  const halved = t && t.deductibleFactorPercent === "50" ? "减半" : t ? `按 ${pct(t.deductibleFactorPercent)} 计` : "";

  let deductible: string;
  const d = c.deductible;
  if (d.kind === "amount") {
    const tilted = t ? `（${who}${halved}为 ${factor(new Money(d.amount)).toDecimalPlaces(2).toFixed()} 元）` : "";
    deductible = `起付线 ${yuan(d.amount)} 元${tilted}`;
  } else {
    const param = d.parameter;
    const label = p.parameters.definitions.find((x) => x.name === param)?.label ?? param;
    deductible = `起付线为${label}的 ${pct(d.percent)}${t ? `（${who}${halved}）` : ""}`;
    for (const v of p.parameters.values.filter((x) => x.name === param)) {
      const exact = new Money(v.value).times(d.percent).div(100);
      const tilted = t ? `（${who} ${factor(exact).toDecimalPlaces(2).toFixed()} 元）` : "";
      deductible += `；${v.year} 年 ${yuan(v.value)} 元 → ${exact.toDecimalPlaces(2).toFixed()} 元${tilted}`;
    }
  }

  const points = t ? `（${who}提高 ${t.ratioPointsPercent} 个百分点）` : "";
  const ratio =
    c.payment.kind === "flat"
      ? `报销比例 ${pct(c.payment.ratioPercent)}${points}`
      : `按年度累计费用分段报销：${c.payment.segments
          .map((s, i, all) => {
            const from = i === 0 ? (c.deductible.kind === "amount" ? `${yuan(c.deductible.amount)} 元` : "起付线") : `${yuan(all[i - 1]?.upTo ?? "0")} 元`;
            const range = s.upTo === null ? `${from}（含）以上` : `${from}（含）至 ${yuan(s.upTo)} 元`;
            return `${range} ${pct(s.ratioPercent)}`;
          })
          .join("，")}（起付线以下部分不报销）${points}`;

  const cap =
    c.annualCap.amount !== null
      ? `封顶线 ${yuan(c.annualCap.amount)} 元`
      : c.annualCap.source.defaulted
        ? "普通对象封顶线文件未规定（未配置，不封顶）"
        : "不设封顶线";
  const capText = t?.removeCap ? `${cap}，上述人群取消封顶线` : cap;
  // Every category the policy names (critical illness usually covers every insured person): no list to read.
  const all = p.categories.every((x) => c.categories.includes(x));
  const scope = all ? "" : `适用于${categoriesText(c.categories)}：`;

  const lines = [cited(`${scope}${settingsSentence(c.settings)}${deductible}，${ratio}，${capText}`, t?.source ?? c.payment.source)];
  const drug = c.specialDrug;
  if (drug) {
    const ded = new Money(drug.deductible).isZero() ? "不设起付线" : `起付线 ${yuan(drug.deductible)} 元`;
    lines.push(cited(`大病保险特药（${categoriesText(drug.categories)}）：${ded}，报销比例 ${pct(drug.ratioPercent)}，${drug.annualCap === null ? "不封顶" : `封顶线 ${yuan(drug.annualCap)} 元`}`, drug.source));
  }
  if (c.source.note) lines.push(cited(`说明：${c.source.note}`, c.source));
  return lines;
}

function settingsSentence(settings: readonly string[]): string {
  return settings.length === 2 ? "" : settings[0] === "inpatient" ? "（仅住院）" : "（仅门诊）";
}
