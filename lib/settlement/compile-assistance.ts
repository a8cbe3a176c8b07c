import { CATEGORY_INFO, type Category } from "@/lib/categories/categories";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import type { ParameterName } from "@/lib/policies/domain/schema/primitives";
import { LEVEL_NAMES, pct, shareOfYuan, sourceRef, yearShareText, yuan } from "@/lib/policies/domain/rule-text";
import { percentToBp, yuanToCents, type BasisPoints, type Cents } from "./cents";
import type { CompiledPool } from "./compile-policy";

// 医疗救助 rules of one category, in the record's order, as integers and
// ready-made Chinese labels and refusal reasons. A deductible that is a share
// of a yearly parameter is resolved here, per year (`byYear`).

export type CompiledAssistanceRule = {
  id: string;
  /** "special" | "other" | "any" (特殊疾病 / 其他疾病). */
  disease: "special" | "other" | "any";
  inpatient: boolean;
  outpatient: boolean;
  trigger: "any" | "settlement" | "application";
  /** 0 = any level. */
  minLevel: number;
  /** The stay's policy-scope cost must exceed this; -1 = no condition. */
  stayAbove: Cents;
  referredRequired: boolean;
  inCityRequired: boolean;
  /** perYearShare compiles to perYear with `byYear` set. */
  deductibleKind: "none" | "perYear" | "perApplication";
  deductible: Cents;
  /**
   * A share of a yearly parameter (perYearShare): the deductible by calendar
   * year, resolved here from the policy's yearly parameters, half-up to the
   * fen; null for a fixed deductible. A year without a value is refused
   * before settlement (check-settle-input.ts: assistanceParameterRequired).
   */
  byYear: ReadonlyMap<number, Cents> | null;
  /**
   * The parameter `byYear` rests on: for the refusal, and for a request that
   * gives the parameter itself (`parameters.priorYearIncome`), whose value
   * then applies in every year, as for the critical-illness deductible.
   */
  shareOf: { parameter: ParameterName; percent: string; bp: BasisPoints } | null;
  bp: BasisPoints;
  pool: CompiledPool;
  label: string;
  refuse: { level: string; stay: string; referred: string; inCity: string };
};

export function compileAssistance(record: PolicyRecord, category: Category, pools: Map<string, CompiledPool>): CompiledAssistanceRule[] {
  const name = CATEGORY_INFO[category].name;
  return record.assistance.rules
    .filter((r) => r.categories.includes(category))
    .map((r) => {
      const pool = pools.get(r.pool);
      if (!pool) throw new Error(`assistance rule ${r.id} names unknown pool ${r.pool}`);
      // A rule resting on a marked default says so where a clerk checks the amount.
      const ref = r.source.defaulted ? `${sourceRef(r.source)}，默认值，请按本地办法核对` : sourceRef(r.source);
      const conditions: string[] = [];
      if (r.minHospitalLevel !== null) conditions.push(`${LEVEL_NAMES[r.minHospitalLevel]}及以上医院`);
      if (r.stayCostAbove !== null) conditions.push(`单次住院政策范围内费用超过 ${yuan(r.stayCostAbove)} 元`);
      const ded = r.deductible;
      const values = ded.kind === "perYearShare" ? record.parameters.values.filter((v) => v.name === ded.parameter) : [];
      const label = ded.kind === "perYearShare" ? (record.parameters.definitions.find((d) => d.name === ded.parameter)?.label ?? ded.parameter) : "";
      const dedText =
        ded.kind === "none"
          ? ""
          : ded.kind === "perYearShare"
            ? `，起付线为${yearShareText(label, ded.percent, values)}，每年`
            : `，起付线 ${yuan(ded.amount)} 元（${ded.kind === "perYear" ? "每年" : "每次申请"}）`;
      const referralRef = sourceRef(r.referral.source);
      return {
        id: r.id,
        disease: r.disease,
        inpatient: r.settings.includes("inpatient"),
        outpatient: r.settings.includes("outpatient"),
        trigger: r.trigger,
        minLevel: r.minHospitalLevel ?? 0,
        stayAbove: r.stayCostAbove === null ? -1 : yuanToCents(r.stayCostAbove),
        referredRequired: r.referral.referredRequired,
        inCityRequired: r.referral.inCityRequired,
        deductibleKind: ded.kind === "perYearShare" ? "perYear" : ded.kind,
        deductible: ded.kind === "none" || ded.kind === "perYearShare" ? 0 : yuanToCents(ded.amount),
        byYear: ded.kind === "perYearShare" ? new Map(values.map((v) => [v.year, yuanToCents(shareOfYuan(v.value, ded.percent))])) : null,
        shareOf: ded.kind === "perYearShare" ? { parameter: ded.parameter, percent: ded.percent, bp: percentToBp(ded.percent) } : null,
        bp: percentToBp(r.ratioPercent),
        pool,
        label: `${r.name}：${conditions.length > 0 ? `${conditions.join("、")}，` : ""}经基本医保、大病保险后的政策范围内费用${dedText}，${name} ${pct(r.ratioPercent)}（${ref}）`,
        refuse: {
          level: `${r.name}：须在${LEVEL_NAMES[(r.minHospitalLevel ?? 1) as 1 | 2 | 3]}及以上医院住院，不予救助（${ref}）`,
          stay: `${r.name}：单次住院政策范围内费用须超过 ${r.stayCostAbove === null ? "0" : yuan(r.stayCostAbove)} 元，不予救助（${ref}）`,
          referred: `未按规定转诊，不纳入医疗救助（${referralRef}）`,
          inCity: `非市内就医，不纳入${r.name}（${referralRef}）`,
        },
      };
    });
}
