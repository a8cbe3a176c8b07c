import { CATEGORY_INFO, type Category } from "@/lib/categories/categories";
import { Money } from "@/lib/money/money";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import type { ParameterName } from "@/lib/policies/domain/schema/primitives";
import { pct, yuan } from "@/lib/policies/domain/rule-text";
import { BP_ONE, formatBp, mulBp, percentToBp, yuanToCents, type BasisPoints, type Cents } from "./cents";

// 大病保险 for one category: the general rule with the tilt folded in
// (deductible ×factor, ratio +points, cap removed — 000 §三(六), 001 §二(二)2,
// 003 §三(六)), and the separate special-drug track (004 §二(二)2 四).

export type CompiledSegment = { upTo: number; bp: BasisPoints; range: string };

export type CompiledGeneralCritical = {
  deductible: { kind: "amount"; cents: Cents } | { kind: "share"; parameter: ParameterName; bp: BasisPoints };
  /** Tilt factor on the deductible (5000 = halved); 10000 when not tilted. */
  factorBp: BasisPoints;
  segments: CompiledSegment[];
  cap: Cents | null;
  label: string;
  /** Resolved deductibles by parameter value (fen), so Decimal runs once per value, not per person. */
  resolved: Map<number, Cents>;
};

export type CompiledDrug = { deductible: Cents; bp: BasisPoints; cap: Cents | null; label: string };

export type CompiledCritical = {
  inpatient: boolean;
  outpatient: boolean;
  general: CompiledGeneralCritical | null;
  drug: CompiledDrug | null;
};

/** "5000–100000 元", "300000 元以上"; the first segment starts at the deductible. */
function rangeText(from: string, upTo: string | null): string {
  return upTo === null ? `${from} 元以上` : `${from}–${yuan(upTo)} 元`;
}

export function compileCritical(record: PolicyRecord, category: Category): CompiledCritical | null {
  const c = record.criticalIllness;
  if (!c) return null;
  const tilted = c.tilt !== null && c.tilt.categories.includes(category);
  const pointsBp = tilted && c.tilt ? percentToBp(c.tilt.ratioPointsPercent) : 0;
  const factorBp = tilted && c.tilt ? percentToBp(c.tilt.deductibleFactorPercent) : BP_ONE;
  const removeCap = tilted && c.tilt ? c.tilt.removeCap : false;
  const name = CATEGORY_INFO[category].name;
  const ref = `${c.source.doc} ${c.payment.source.paragraph}`;

  let general: CompiledGeneralCritical | null = null;
  if (c.categories.includes(category)) {
    const d = c.deductible;
    const raw = c.payment.kind === "flat" ? [{ upTo: null, ratioPercent: c.payment.ratioPercent }] : c.payment.segments;
    const first = d.kind === "amount" && !tilted ? yuan(d.amount) : "起付线";
    const segments = raw.map((s, i) => ({
      upTo: s.upTo === null ? Number.POSITIVE_INFINITY : yuanToCents(s.upTo),
      bp: percentToBp(s.ratioPercent) + pointsBp,
      range: rangeText(i === 0 ? first : yuan(raw[i - 1]?.upTo ?? "0"), s.upTo),
    }));
    // Thresholds as applied to this category (the tilt folded in), the document's figures beside them.
    const factor = c.tilt && tilted ? c.tilt.deductibleFactorPercent : null;
    const parameterLabel = record.parameters.definitions.find((x) => d.kind === "parameterShare" && x.name === d.parameter)?.label ?? "年度参数";
    const dedText =
      d.kind === "amount"
        ? factor === null
          ? `起付线 ${yuan(d.amount)} 元`
          : `起付线 ${yuan(new Money(yuanToCents(d.amount)).times(percentToBp(factor)).div(BP_ONE).toDecimalPlaces(0).div(100).toFixed(2))} 元（${yuan(d.amount)} 元 × ${pct(factor)}）`
        : `起付线为${parameterLabel}的 ${pct(d.percent)}${factor === null ? "" : ` × ${pct(factor)}`}`;
    const basePercent = c.payment.kind === "flat" ? c.payment.ratioPercent : null;
    const tiltText =
      tilted && c.tilt
        ? `；${name}倾斜：起付线降低至 ${pct(c.tilt.deductibleFactorPercent)}，比例${basePercent === null ? "各段" : `在 ${pct(basePercent)} 基础上`}提高 ${c.tilt.ratioPointsPercent} 个百分点${removeCap ? "，不设封顶线" : ""}`
        : "";
    const tiltRef = tilted && c.tilt ? `${c.tilt.source.doc} ${c.tilt.source.paragraph}` : ref;
    const refs = tiltRef === ref ? ref : c.tilt && c.tilt.source.doc === c.source.doc ? `${ref}；${c.tilt.source.paragraph}` : `${ref}；${tiltRef}`;
    const ratioText = segments.length === 1 ? `比例 ${formatBp(segments[0]!.bp)}` : `分段比例 ${segments.map((s) => `${s.range} ${formatBp(s.bp)}`).join("，")}`;
    general = {
      deductible: d.kind === "amount" ? { kind: "amount", cents: yuanToCents(d.amount) } : { kind: "share", parameter: d.parameter, bp: percentToBp(d.percent) },
      factorBp,
      segments,
      cap: removeCap || c.annualCap.amount === null ? null : yuanToCents(c.annualCap.amount),
      resolved: new Map(),
      label: `年度累计基本医保后政策范围内费用超过起付线的部分，${dedText}，${ratioText}${tiltText}（${refs}）`,
    };
  }

  let drug: CompiledDrug | null = null;
  const sd = c.specialDrug;
  if (sd && sd.categories.includes(category)) {
    drug = {
      deductible: yuanToCents(sd.deductible),
      bp: percentToBp(sd.ratioPercent),
      cap: sd.annualCap === null ? null : yuanToCents(sd.annualCap),
      label: `特药：${sd.deductible === "0" ? "不设起付线" : `起付线 ${yuan(sd.deductible)} 元`}，比例 ${pct(sd.ratioPercent)}${sd.annualCap === null ? "" : `，年度封顶 ${yuan(sd.annualCap)} 元`}（${sd.source.doc} ${sd.source.paragraph}）`,
    };
  }
  return { inpatient: c.settings.includes("inpatient"), outpatient: c.settings.includes("outpatient"), general, drug };
}

/** The year's deductible in fen: a fixed amount or a share of a parameter, then the tilt factor, rounded once. */
export function resolveCriticalDeductible(general: CompiledGeneralCritical, parameter: Cents | undefined): Cents {
  const d = general.deductible;
  if (d.kind === "amount") return mulBp(d.cents, general.factorBp);
  if (parameter === undefined) throw new Error(`critical-illness deductible needs parameter ${d.parameter}`);
  let cents = general.resolved.get(parameter);
  if (cents === undefined) {
    cents = new Money(parameter).times(d.bp).times(general.factorBp).div(BP_ONE * BP_ONE).toDecimalPlaces(0).toNumber();
    general.resolved.set(parameter, cents);
  }
  return cents;
}
