import type { Category } from "@/lib/categories/categories";
import type { ParameterName, Setting } from "@/lib/policies/domain/schema/primitives";
import type { Cents } from "./cents";

// The engine's input and output. Amounts going in are integer fen (see
// cents.ts; parse-settle-input.ts converts the contract's decimal strings);
// amounts coming out are the contract's two-decimal strings.

export type ClaimInput = {
  id: string;
  /**
   * The person's category on this claim's date, when it differs from the
   * input's (a roster changed it mid-year). The year's deductibles and limit
   * pools still accumulate across the change (docs/policy.md §4: one calendar year).
   */
  category?: Category;
  /** YYYY-MM-DD; claims are settled in date order, ties by id. */
  date: string;
  setting: Setting;
  /** 特殊疾病 (001 §二(三)2). Default false. */
  specialDisease?: boolean;
  /** 1–3. Default 1. */
  hospitalLevel?: 1 | 2 | 3;
  /** 按规定转诊. Default true. */
  referred?: boolean;
  /** 市内就医. Default true. */
  inCity?: boolean;
  policyScopeCost: Cents;
  /** 目录外 cost: recorded, never paid by any tier. Default 0. */
  outOfScopeCost?: Cents;
  /** Basic insurance already settled (taken as is); absent → computed. */
  basicPaid?: Cents;
  /** Critical illness already settled (taken as is); absent → computed. */
  criticalPaid?: Cents;
  /** Filed as an on-application (依申请) case. Default false. */
  onApplication?: boolean;
  /** Claims of one application share its per-application deductible; default: the claim's own id. */
  applicationId?: string;
  /** 大病保险特药 (004 §二(二)2). Default false. */
  specialDrug?: boolean;
  /** PKU special treatment food (004 §二(二)3 五) instead of medical care. */
  specialFood?: "pku";
  /**
   * 医疗机构减免: what the hospital waived of this claim. With `commercialPaid`
   * it is subtracted from what the person still bears before 倾斜救助 / 再救助
   * (004 §二(二)3 四: re-assistance comes after five layers). Default 0.
   */
  hospitalWaived?: Cents;
  /** 医疗商业补充保险: what commercial supplementary insurance paid. Default 0. */
  commercialPaid?: Cents;
};

export type SettleClaimsInput = {
  category: Category;
  /** Needed for age-banded rules (PKU food). */
  birthDate?: string;
  /** Overrides of the policy's yearly parameters, in fen, for every year of the claims. */
  parameters?: Partial<Record<ParameterName, Cents>>;
  claims: readonly ClaimInput[];
  /**
   * Limit-pool use already made in a year before these claims, in fen, by
   * year and pool id — e.g. assistance already approved on earlier
   * applications (依申请救助): the pools start from it instead of zero, and the
   * trace's "本年此前已付" counts it.
   */
  poolsUsedBefore?: Readonly<Record<number, Readonly<Record<string, Cents>>>>;
};

export type Tier = "basic" | "critical" | "assistance" | "tilted";

export type TraceSegment = { range: string; base: string; ratio: string };

/** One line a clerk can check by hand: amount = (base − deductible) × ratio, capped by the limit. */
export type TraceEntry = {
  tier: Tier;
  /** Chinese words naming the rule, its conditions and its source paragraph. */
  rule: string;
  base: string;
  /** Part of the base taken by a deductible in this claim. */
  deductible?: string;
  ratio?: string;
  /** Segmented critical illness (004): the base split by segment. */
  segments?: TraceSegment[];
  /** Present when an annual limit or cap cut the amount: the annual limit. */
  limit?: string;
  amount: string;
};

/** What each tier paid and what is left to the person, in yuan ("1234.50"). */
export type TierAmounts = { basic: string; critical: string; assistance: string; tilted: string; selfPaid: string };

export type ClaimResult = TierAmounts & { id: string; trace: TraceEntry[] };

export type Totals = TierAmounts;

export type MonitoringResult = {
  /** Calendar year evaluated (the latest year of the claims). */
  year: number;
  flagged: boolean;
  /** Chinese explanation: rule, figure, comparison, source. */
  basis: string;
  /** null when no rule covers the category or the parameter is not configured. */
  threshold: string | null;
  value: string;
  /** Every year of the claims when they span more than one. */
  byYear?: Omit<MonitoringResult, "byYear">[];
};

export type SettlementResult = {
  policy: string;
  category: Category;
  /** In settlement order: date, then id. */
  claims: ClaimResult[];
  totals: Totals;
  /** Present when the policy has a monitoring rule. */
  monitoring?: MonitoringResult;
};
