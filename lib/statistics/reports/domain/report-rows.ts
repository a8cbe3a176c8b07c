import Decimal from "decimal.js";
import { ValidationError } from "@/lib/errors/app-error";
import type { ApplicationsFigure, CoverageFigure, MonitoringFigure, PaymentsFigure, Period, SubsidyFigure, TierAmounts } from "../../domain/dashboard";
import { childLevelName, type TableCell, type TableColumn, type TableRow } from "../../domain/figure-tables";
import { percentOf, sumMoney } from "../../domain/percent";
import { parsePeriod } from "../../domain/period";

// The three reports 004 §三(六) asks for (“按月报送扶贫工作信息、按季报送政策
// 落实和资金使用情况”) plus an annual summary, built from the dashboard's
// figures (docs/statistics.md, section 报表). Pure: figures in, rows out.
// Every per-division table has one row per division one level below the
// report's division (townships for a county, villages for a township) in the
// divisions' order, then 合计 — the report division's own figure, never a sum
// of rounded cells. Money stays a two-decimal string, a percentage a
// two-decimal string or null (no denominator), as in figure-tables.ts.

export const REPORT_KINDS = ["monthly", "quarterly", "annual"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_INFO: Record<ReportKind, { title: string; short: string; periodKind: "month" | "quarter" | "year" }> = {
  monthly: { title: "医保扶贫工作信息（月报）", short: "月报", periodKind: "month" },
  quarterly: { title: "医保扶贫政策落实和资金使用情况（季报）", short: "季报", periodKind: "quarter" },
  annual: { title: "医疗保障扶贫工作年度汇总", short: "年度汇总", periodKind: "year" },
};

export type ReportTable = { id: string; title: string; columns: TableColumn[]; rows: TableRow[]; note?: string };
export type Report = { kind: ReportKind; title: string; division: string; name: string; period: Period; tables: ReportTable[] };
export type ReportFigures = { coverage: CoverageFigure; subsidy: SubsidyFigure; payments: PaymentsFigure; applications: ApplicationsFigure; monitoring: MonitoringFigure };

const pad = (n: number) => String(n).padStart(2, "0");

/** The period a report names by default: the month, quarter or year that contains today. */
export function defaultReportPeriod(kind: ReportKind, today: string): string {
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  if (kind === "monthly") return `${year}-${pad(month)}`;
  if (kind === "quarterly") return `${year}-Q${Math.ceil(month / 3)}`;
  return year;
}

/**
 * The report and its period from URL parameters: `report` one of monthly /
 * quarterly / annual, `period` of the report's own kind (2026-11, 2026-Q3,
 * 2026; default the one containing today). A bad value is a Chinese
 * ValidationError naming the field.
 */
export function parseReportRequest(input: { report?: unknown; period?: unknown }, today: string): { kind: ReportKind; period: Period } {
  const raw = typeof input.report === "string" ? input.report.trim() : "";
  if (!(REPORT_KINDS as readonly string[]).includes(raw)) throw new ValidationError("report", "报表（report）应为 monthly（月报）、quarterly（季报）或 annual（年度汇总）");
  const kind = raw as ReportKind;
  const given = typeof input.period === "string" && input.period.trim() ? input.period.trim() : defaultReportPeriod(kind, today);
  const period = parsePeriod({ period: given }, today);
  const want = REPORT_INFO[kind].periodKind;
  if (period.kind !== want) {
    const example = { month: "2026-11", quarter: "2026-Q3", year: "2026" }[want];
    throw new ValidationError("period", `${REPORT_INFO[kind].short}的报告期（period）应为${{ month: "一个月", quarter: "一个季度", year: "一个年度" }[want]}，如 ${example}`);
  }
  return { kind, period };
}

/** Who issues a report: a township's government (镇/乡 人民政府, 街道办事处), a village's committee, else the division's 医疗保障局. */
export function reportOffice(division: string, name: string): string {
  if (/^\d{9}000$/.test(division) && !/^\d{6}000000$/.test(division)) return name.endsWith("街道") ? `${name}办事处` : `${name}人民政府`;
  // A village's report (a county user opening one village): its committee, 松岭村村民委员会 / 花园社区居民委员会.
  if (!/000$/.test(division)) return name.endsWith("社区") ? `${name}居民委员会` : `${name}村民委员会`;
  return `${name}医疗保障局`;
}

// ---- per-division rows -------------------------------------------------

type Source = { code: string; name: string; total: boolean };

function divisionRows(f: ReportFigures, cells: (code: string, total: boolean) => Record<string, TableCell>): TableRow[] {
  const sources: Source[] = [...f.coverage.children.map((c) => ({ code: c.division, name: c.name, total: false })), { code: f.coverage.division, name: "合计", total: true }];
  return sources.map((s) => ({ cells: { division: s.name, ...cells(s.code, s.total) }, ...(s.total ? { total: true } : { division: s.code }) }));
}

function find<T extends { division: string }>(list: readonly T[], code: string): T | undefined {
  return list.find((c) => c.division === code);
}

const ZERO_TIERS: TierAmounts = { claims: 0, totalCost: "0.00", policyScopeCost: "0.00", basic: "0.00", critical: "0.00", assistance: "0.00", tilted: "0.00", selfPaid: "0.00" };

function tiersOf(f: ReportFigures, code: string, total: boolean): TierAmounts {
  if (total) return f.payments.totals;
  return find(f.payments.children, code) ?? ZERO_TIERS;
}

function coverageOf(f: ReportFigures, code: string, total: boolean) {
  if (total) return { assisted: f.coverage.assisted, enrolled: f.coverage.enrolled, rate: f.coverage.rate, gap: f.coverage.gap };
  return find(f.coverage.children, code) ?? { assisted: 0, enrolled: 0, rate: null, gap: 0 };
}

function subsidyOf(f: ReportFigures, code: string, total: boolean) {
  if (total) return { people: f.subsidy.people, subsidy: f.subsidy.subsidy, personal: f.subsidy.personal };
  return find(f.subsidy.children, code) ?? { people: 0, subsidy: "0.00", personal: "0.00" };
}

// The applications figure has no division-wide open/approved/refused counts: its children add up to it (docs/statistics.md).
function applicationsOf(f: ReportFigures, code: string, total: boolean) {
  const zero = { accepted: 0, open: 0, overdue: 0, approved: 0, refused: 0 };
  if (!total) return find(f.applications.children, code) ?? zero;
  const sum = { ...zero };
  for (const c of f.applications.children) for (const k of Object.keys(zero) as (keyof typeof zero)[]) sum[k] += c[k];
  return { ...sum, accepted: f.applications.accepted };
}

function monitoringOf(f: ReportFigures, code: string, total: boolean) {
  if (total) return { raised: f.monitoring.raised, open: f.monitoring.open };
  return find(f.monitoring.children, code) ?? { raised: 0, open: 0 };
}

/** 三重制度 together: 基本医保 + 大病保险 + 医疗救助 + 倾斜救助. */
export function threeTierPaid(t: TierAmounts): string {
  return sumMoney([t.basic, t.critical, t.assistance, t.tilted]);
}

const col = (key: string, header: string, kind: TableColumn["kind"]): TableColumn => ({ key, header, kind });

function coverageTable(f: ReportFigures, level: string, withTarget: boolean): ReportTable {
  return {
    id: "coverage",
    title: "参保和资助参保情况",
    columns: [
      col("division", level, "text"),
      col("assisted", "救助对象（人）", "count"),
      col("enrolled", "已参保（人）", "count"),
      col("notEnrolled", "未参保（人）", "count"),
      col("rate", "参保率", "percent"),
      ...(withTarget ? [col("gap", "距目标差（人）", "count")] : []),
      col("subsidized", "资助参保（人）", "count"),
      col("subsidy", "资助金额（元）", "money"),
      col("personal", "个人缴费（元）", "money"),
    ],
    rows: divisionRows(f, (code, total) => {
      const c = coverageOf(f, code, total);
      const s = subsidyOf(f, code, total);
      return { assisted: c.assisted, enrolled: c.enrolled, notEnrolled: c.assisted - c.enrolled, rate: c.rate, ...(withTarget ? { gap: c.gap } : {}), subsidized: s.people, subsidy: s.subsidy, personal: s.personal };
    }),
    note: `参保人数为 ${f.coverage.on} 的救助对象及其当年参保情况${f.coverage.target ? `；参保目标 ${f.coverage.target}%` : ""}；资助参保为 ${f.subsidy.years.join("、")} 年度的资助（按缴费年度，不按月份拆分）。`,
  };
}

function paymentsTable(f: ReportFigures, level: string): ReportTable {
  return {
    id: "payments",
    title: "三重制度待遇落实情况",
    columns: [
      col("division", level, "text"),
      col("claims", "结算人次", "count"),
      col("policyScopeCost", "政策范围内费用（元）", "money"),
      col("basic", "基本医保（元）", "money"),
      col("critical", "大病保险（元）", "money"),
      col("assistance", "医疗救助（元）", "money"),
      col("tilted", "倾斜救助（元）", "money"),
      col("selfPaid", "个人自付（元）", "money"),
      col("paidShare", "三重制度支付比例", "percent"),
    ],
    rows: divisionRows(f, (code, total) => {
      const t = tiersOf(f, code, total);
      return { claims: t.claims, policyScopeCost: t.policyScopeCost, basic: t.basic, critical: t.critical, assistance: t.assistance, tilted: t.tilted, selfPaid: t.selfPaid, paidShare: percentOf(threeTierPaid(t), t.policyScopeCost) };
    }),
    note: "报告期内结算日期的就诊（当前有效结算）；三重制度支付比例 =（基本医保 + 大病保险 + 医疗救助 + 倾斜救助）÷ 政策范围内费用。",
  };
}

function sharesTable(f: ReportFigures, level: string): ReportTable {
  return {
    id: "shares",
    title: "政策范围内费用各项支付比例",
    columns: [
      col("division", level, "text"),
      col("policyScopeCost", "政策范围内费用（元）", "money"),
      col("basic", "基本医保", "percent"),
      col("critical", "大病保险", "percent"),
      col("assistance", "医疗救助（含倾斜）", "percent"),
      col("selfPaid", "个人自付", "percent"),
    ],
    rows: divisionRows(f, (code, total) => {
      const t = tiersOf(f, code, total);
      return {
        policyScopeCost: t.policyScopeCost,
        basic: percentOf(t.basic, t.policyScopeCost),
        critical: percentOf(t.critical, t.policyScopeCost),
        assistance: percentOf(new Decimal(t.assistance).plus(t.tilted), t.policyScopeCost),
        selfPaid: percentOf(t.selfPaid, t.policyScopeCost),
      };
    }),
    note: `各项 ÷ 政策范围内费用，四舍五入到 0.01%；合计行住院政策范围内费用支付比例 ${f.payments.inpatientScopeShare ?? "—"}${f.payments.inpatientScopeShare ? "%" : ""}（住院就诊，三重制度合计）。`,
  };
}

function fundsTable(f: ReportFigures): ReportTable {
  const rows: TableRow[] = f.subsidy.bySource.map((s) => ({ cells: { item: `资助参保 · ${s.label}`, amount: s.amount } }));
  const assistance = f.payments.totals.assistance;
  const tilted = f.payments.totals.tilted;
  rows.push({ cells: { item: "医疗救助 · 门诊住院救助", amount: assistance } });
  rows.push({ cells: { item: "医疗救助 · 倾斜救助", amount: tilted } });
  const fund = f.subsidy.bySource.find((s) => s.source === "medical_assistance")?.amount ?? "0.00";
  rows.push({ cells: { item: "医疗救助基金支出合计", amount: sumMoney([fund, assistance, tilted]) }, total: true });
  return {
    id: "funds",
    title: "资金使用情况",
    columns: [col("item", "项目", "text"), col("amount", "金额（元）", "money")],
    rows,
    note: `资助参保按 ${f.subsidy.years.join("、")} 年度、按资金来源；门诊住院救助、倾斜救助为报告期内结算的救助金额；医疗救助基金支出合计 = 资助参保中的医疗救助基金 + 门诊住院救助 + 倾斜救助（${f.coverage.name}）。`,
  };
}

function casesTable(f: ReportFigures, level: string): ReportTable {
  return {
    id: "cases",
    title: "依申请救助和监测预警情况",
    columns: [
      col("division", level, "text"),
      col("accepted", "受理（件）", "count"),
      col("approved", "批准（件）", "count"),
      col("refused", "不予救助（件）", "count"),
      col("open", "在办（件）", "count"),
      col("overdue", "其中超期（件）", "count"),
      col("raised", "监测预警（人次）", "count"),
      col("flagsOpen", "未处置（人次）", "count"),
    ],
    rows: divisionRows(f, (code, total) => {
      const a = applicationsOf(f, code, total);
      const m = monitoringOf(f, code, total);
      return { accepted: a.accepted, approved: a.approved, refused: a.refused, open: a.open, overdue: a.overdue, raised: m.raised, flagsOpen: m.open };
    }),
    note: `依申请救助为报告期内受理的案件及其现状；监测预警为 ${f.monitoring.years.join("、")} 年度的预警。`,
  };
}

function timelinessTable(f: ReportFigures): ReportTable {
  return {
    id: "timeliness",
    title: "办理时限落实情况",
    columns: [col("step", "环节", "text"), col("done", "已办结", "count"), col("onTime", "按时", "count"), col("late", "超时", "count"), col("open", "在办", "count"), col("overdue", "其中超期", "count"), col("onTimeRate", "按时办结率", "percent")],
    rows: f.applications.timeliness.map((t) => ({ cells: { step: t.label, done: t.done, onTime: t.onTime, late: t.late, open: t.open, overdue: t.overdue, onTimeRate: percentOf(t.onTime, t.done) } })),
    note: "报告期内受理的案件，各环节按工作日计时（003 §三(八)）。",
  };
}

function outcomesTable(f: ReportFigures): ReportTable {
  return {
    id: "outcomes",
    title: "监测预警处置情况",
    columns: [col("outcome", "处置结果", "text"), col("flags", "人次", "count")],
    // byOutcome holds the closed flags only: 未处置 (still open) makes the rows add up to 合计.
    rows: [
      ...f.monitoring.byOutcome.map((o) => ({ cells: { outcome: o.label, flags: o.flags } })),
      { cells: { outcome: "未处置", flags: f.monitoring.open } },
      { cells: { outcome: "合计", flags: f.monitoring.raised }, total: true },
    ],
  };
}

/** One report's tables from the five figures of its division and period (docs/statistics.md 报表). */
export function buildReport(kind: ReportKind, period: Period, f: ReportFigures): Report {
  const level = childLevelName(f.coverage.division);
  const tables: ReportTable[] =
    kind === "monthly"
      ? [coverageTable(f, level, false), paymentsTable(f, level), casesTable(f, level)]
      : kind === "quarterly"
        ? [coverageTable(f, level, true), sharesTable(f, level), fundsTable(f), timelinessTable(f)]
        : [coverageTable(f, level, true), paymentsTable(f, level), sharesTable(f, level), fundsTable(f), casesTable(f, level), timelinessTable(f), outcomesTable(f)];
  return { kind, title: REPORT_INFO[kind].title, division: f.coverage.division, name: f.coverage.name, period, tables };
}
