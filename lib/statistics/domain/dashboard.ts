// The dashboard's figures (统计分析): the shapes the use cases in
// lib/statistics return, the /api/v1/stats/... routes serve as JSON and the
// /stats pages draw. Aggregates only: no figure names or identifies a person.
//
// Conventions: money is a string with exactly two decimals (decimal.js,
// half-up), never a JS number; counts are integers; a percentage is a string
// with two decimals ("97.20") or null when its denominator is 0. Every figure
// is for one division (12-digit code, default the actor's jurisdiction) and
// carries `children` one level below it (county → townships → villages; a
// village has none), whose figures sum to the parent's. Labels are Chinese.

/**
 * The period every figure respects. URL / API parameters:
 *   period=2026-11      a month
 *   period=2026-Q3      a quarter
 *   period=2026         a year
 *   from=2026-01-01&to=2026-06-30   a custom range (inclusive, at most 3 years)
 * Default (no parameter): the current year from 1 January to today.
 * `label` is what a page prints: "2026年11月", "2026年第3季度", "2026年",
 * "2026-01-01 至 2026-06-30".
 */
export type PeriodKind = "month" | "quarter" | "year" | "range";
export type Period = { kind: PeriodKind; from: string; to: string; label: string };

export type DivisionRef = { division: string; name: string };

/** Assisted population and enrolment on the reporting date (the period's end, or today if earlier). */
export type CoverageFigure = DivisionRef & {
  on: string;
  assisted: number;
  enrolled: number;
  rate: string | null;
  /** The policy in force there that day: its coverage target in percent, or null. */
  target: string | null;
  /** People still to enrol to reach the target (0 when reached or no target). */
  gap: number;
  byCategory: { category: string; label: string; assisted: number; enrolled: number; rate: string | null }[];
  children: (DivisionRef & { assisted: number; enrolled: number; rate: string | null; gap: number })[];
};

/** Premium subsidy (资助参保) of the enrolment years the period covers. */
export type SubsidyFigure = DivisionRef & {
  years: number[];
  people: number;
  subsidy: string;
  personal: string;
  /** By funding source: 医疗救助基金, 财政 (…), 个人 — the sources as the policy names them. */
  bySource: { source: string; label: string; amount: string }[];
  byCategory: { category: string; label: string; people: number; subsidy: string; personal: string }[];
  children: (DivisionRef & { people: number; subsidy: string; personal: string })[];
};

export type TierAmounts = {
  claims: number;
  totalCost: string;
  policyScopeCost: string;
  basic: string;
  critical: string;
  assistance: string;
  tilted: string;
  selfPaid: string;
};

/** Three-tier payments of the claims dated in the period (current settlements only). */
export type PaymentsFigure = DivisionRef & {
  totals: TierAmounts;
  /** Share of the policy-scope cost each tier carried, percent; the definitions are in docs/statistics.md. */
  shares: { basic: string | null; critical: string | null; assistance: string | null; tilted: string | null; selfPaid: string | null };
  /** 政策范围内住院费用支付比例: inpatient claims only. */
  inpatientScopeShare: string | null;
  byMonth: ({ month: string } & TierAmounts)[];
  byCategory: ({ category: string; label: string } & TierAmounts)[];
  children: (DivisionRef & TierAmounts)[];
};

/** On-application cases (依申请救助) accepted in the period: where they stand and how timely each step was. */
export type ApplicationsFigure = DivisionRef & {
  accepted: number;
  byState: { state: string; label: string; cases: number }[];
  timeliness: { step: "township" | "county" | "payment"; label: string; done: number; onTime: number; late: number; open: number; overdue: number }[];
  children: (DivisionRef & { accepted: number; open: number; overdue: number; approved: number; refused: number })[];
};

/** Monitoring flags (因病返贫致贫监测) of the period's year(s). */
export type MonitoringFigure = DivisionRef & {
  years: number[];
  raised: number;
  open: number;
  byOutcome: { outcome: string; label: string; flags: number }[];
  children: (DivisionRef & { raised: number; open: number })[];
};
