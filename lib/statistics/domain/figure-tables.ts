import { Money, formatYuan } from "@/lib/money/money";
import type { ApplicationsFigure, CoverageFigure, MonitoringFigure, PaymentsFigure, SubsidyFigure, TierAmounts } from "./dashboard";

// The dashboard's tables, one definition for both readers: the /stats page
// draws them under each chart and the .xlsx export writes the same rows, so
// the file can never disagree with the screen. Pure: figures in, rows out.
// Money stays a two-decimal string here; only the display (formatCell) and
// the spreadsheet cell decide how to show it.

export type ColumnKind = "text" | "count" | "money" | "percent";
export type TableColumn = { key: string; header: string; kind: ColumnKind };
export type TableCell = string | number | null;
export type TableRow = {
  cells: Record<string, TableCell>;
  /** A division one level below: the row drills down to it. */
  division?: string;
  total?: boolean;
};
export type FigureTable = { id: TableId; title: string; columns: TableColumn[]; rows: TableRow[]; note?: string };

export const TABLE_IDS = [
  "coverage-category",
  "coverage-divisions",
  "subsidy-source",
  "subsidy-category",
  "subsidy-divisions",
  "payments-month",
  "payments-category",
  "payments-divisions",
  "payments-shares",
  "applications-state",
  "applications-timeliness",
  "applications-divisions",
  "monitoring-outcome",
  "monitoring-divisions",
] as const;
export type TableId = (typeof TABLE_IDS)[number];

export function isTableId(value: string): value is TableId {
  return (TABLE_IDS as readonly string[]).includes(value);
}

/** The section (and so the figure) a table belongs to: `payments-month` → `payments`. */
export function sectionOf(id: TableId): "coverage" | "subsidy" | "payments" | "applications" | "monitoring" {
  return id.slice(0, id.indexOf("-")) as ReturnType<typeof sectionOf>;
}

/** The name of the level below a division's, for column heads: 乡镇（街道）, 村（社区）. */
export function childLevelName(division: string): string {
  if (/^\d{6}000000$/.test(division)) return "乡镇（街道）";
  if (/^\d{9}000$/.test(division)) return "村（社区）";
  return "区划";
}

const TIER_COLUMNS: TableColumn[] = [
  { key: "claims", header: "结算人次", kind: "count" },
  { key: "totalCost", header: "医疗总费用（元）", kind: "money" },
  { key: "policyScopeCost", header: "政策范围内费用（元）", kind: "money" },
  { key: "basic", header: "基本医保（元）", kind: "money" },
  { key: "critical", header: "大病保险（元）", kind: "money" },
  { key: "assistance", header: "医疗救助（元）", kind: "money" },
  { key: "tilted", header: "倾斜救助（元）", kind: "money" },
  { key: "selfPaid", header: "个人自付（元）", kind: "money" },
];

export const TIERS = [
  { key: "basic", name: "基本医保" },
  { key: "critical", name: "大病保险" },
  { key: "assistance", name: "医疗救助" },
  { key: "tilted", name: "倾斜救助" },
  { key: "selfPaid", name: "个人自付" },
] as const;

function tierCells(t: TierAmounts): Record<string, TableCell> {
  return { claims: t.claims, totalCost: t.totalCost, policyScopeCost: t.policyScopeCost, basic: t.basic, critical: t.critical, assistance: t.assistance, tilted: t.tilted, selfPaid: t.selfPaid };
}

/** "2026-11" → "2026年11月". */
export function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[1]}年${Number(m[2])}月` : month;
}

export function coverageTables(f: CoverageFigure): FigureTable[] {
  return [
    {
      id: "coverage-category",
      title: "救助对象及参保情况（按类别）",
      note: `统计日期 ${f.on}；一人多类别的，按当日有效的类别计一次。`,
      columns: [
        { key: "label", header: "类别", kind: "text" },
        { key: "assisted", header: "救助对象（人）", kind: "count" },
        { key: "enrolled", header: "已参保（人）", kind: "count" },
        { key: "rate", header: "参保率", kind: "percent" },
      ],
      rows: [
        ...f.byCategory.map((c) => ({ cells: { label: c.label, assisted: c.assisted, enrolled: c.enrolled, rate: c.rate } })),
        { cells: { label: "合计", assisted: f.assisted, enrolled: f.enrolled, rate: f.rate }, total: true },
      ],
    },
    {
      id: "coverage-divisions",
      title: `参保情况（按${childLevelName(f.division)}）`,
      note: f.target === null ? "当日在用政策未设参保目标，缺口记为 0。" : `参保目标 ${f.target}%，缺口为达到目标尚需参保的人数。`,
      columns: [
        { key: "name", header: childLevelName(f.division), kind: "text" },
        { key: "assisted", header: "救助对象（人）", kind: "count" },
        { key: "enrolled", header: "已参保（人）", kind: "count" },
        { key: "rate", header: "参保率", kind: "percent" },
        { key: "gap", header: "距目标缺口（人）", kind: "count" },
      ],
      rows: [
        ...f.children.map((c) => ({ cells: { name: c.name, assisted: c.assisted, enrolled: c.enrolled, rate: c.rate, gap: c.gap }, division: c.division })),
        { cells: { name: `${f.name}合计`, assisted: f.assisted, enrolled: f.enrolled, rate: f.rate, gap: f.gap }, total: true },
      ],
    },
  ];
}

export function subsidyTables(f: SubsidyFigure): FigureTable[] {
  const sourceTotal = f.bySource.reduce((s, r) => s.plus(r.amount), new Money(0)).toFixed(2);
  return [
    {
      id: "subsidy-source",
      title: "资助参保资金（按资金来源）",
      note: `参保年度：${f.years.map((y) => `${y}年`).join("、") || "—"}。`,
      columns: [
        { key: "label", header: "资金来源", kind: "text" },
        { key: "amount", header: "金额（元）", kind: "money" },
      ],
      rows: [...f.bySource.map((s) => ({ cells: { label: s.label, amount: s.amount } })), { cells: { label: "合计", amount: sourceTotal }, total: true }],
    },
    {
      id: "subsidy-category",
      title: "资助参保（按类别）",
      columns: [
        { key: "label", header: "类别", kind: "text" },
        { key: "people", header: "资助人数", kind: "count" },
        { key: "subsidy", header: "资助金额（元）", kind: "money" },
        { key: "personal", header: "个人缴费（元）", kind: "money" },
      ],
      rows: [
        ...f.byCategory.map((c) => ({ cells: { label: c.label, people: c.people, subsidy: c.subsidy, personal: c.personal } })),
        { cells: { label: "合计", people: f.people, subsidy: f.subsidy, personal: f.personal }, total: true },
      ],
    },
    {
      id: "subsidy-divisions",
      title: `资助参保（按${childLevelName(f.division)}）`,
      columns: [
        { key: "name", header: childLevelName(f.division), kind: "text" },
        { key: "people", header: "资助人数", kind: "count" },
        { key: "subsidy", header: "资助金额（元）", kind: "money" },
        { key: "personal", header: "个人缴费（元）", kind: "money" },
      ],
      rows: [
        ...f.children.map((c) => ({ cells: { name: c.name, people: c.people, subsidy: c.subsidy, personal: c.personal }, division: c.division })),
        { cells: { name: `${f.name}合计`, people: f.people, subsidy: f.subsidy, personal: f.personal }, total: true },
      ],
    },
  ];
}

export function paymentsTables(f: PaymentsFigure): FigureTable[] {
  const totalRow = (label: string, key: string): TableRow => ({ cells: { [key]: label, ...tierCells(f.totals) }, total: true });
  return [
    {
      id: "payments-month",
      title: "三重保障支付（按月）",
      columns: [{ key: "month", header: "月份", kind: "text" }, ...TIER_COLUMNS],
      rows: [...f.byMonth.map((m) => ({ cells: { ...tierCells(m), month: monthLabel(m.month) } })), totalRow("合计", "month")],
    },
    {
      id: "payments-category",
      title: "三重保障支付（按类别）",
      columns: [{ key: "label", header: "类别", kind: "text" }, ...TIER_COLUMNS],
      rows: [...f.byCategory.map((c) => ({ cells: { ...tierCells(c), label: c.label } })), totalRow("合计", "label")],
    },
    {
      id: "payments-divisions",
      title: `三重保障支付（按${childLevelName(f.division)}）`,
      columns: [{ key: "name", header: childLevelName(f.division), kind: "text" }, ...TIER_COLUMNS],
      rows: [...f.children.map((c) => ({ cells: { ...tierCells(c), name: c.name }, division: c.division })), totalRow(`${f.name}合计`, "name")],
    },
    {
      id: "payments-shares",
      title: "政策范围内费用的支付结构",
      note: `政策范围内住院费用支付比例（住院，不含个人自付）：${f.inpatientScopeShare === null ? "—" : `${f.inpatientScopeShare}%`}。`,
      columns: [
        { key: "label", header: "支付环节", kind: "text" },
        { key: "amount", header: "金额（元）", kind: "money" },
        { key: "share", header: "占政策范围内费用", kind: "percent" },
      ],
      rows: [
        ...TIERS.map((t) => ({ cells: { label: t.name, amount: f.totals[t.key], share: f.shares[t.key] } })),
        { cells: { label: "政策范围内费用", amount: f.totals.policyScopeCost, share: null }, total: true },
      ],
    },
  ];
}

export function applicationsTables(f: ApplicationsFigure): FigureTable[] {
  return [
    {
      id: "applications-state",
      title: "依申请救助案件（按办理状态）",
      columns: [
        { key: "label", header: "办理状态", kind: "text" },
        { key: "cases", header: "案件数", kind: "count" },
      ],
      rows: [...f.byState.map((s) => ({ cells: { label: s.label, cases: s.cases } })), { cells: { label: "受理合计", cases: f.accepted }, total: true }],
    },
    {
      id: "applications-timeliness",
      title: "办理时效（按环节）",
      note: "各环节时限 10 个工作日。“按时”“超时”为已办结该环节的案件，“在办”为目前处于该环节的，“超期”为其中已过到期日的。",
      columns: [
        { key: "label", header: "办理环节", kind: "text" },
        { key: "done", header: "已办结", kind: "count" },
        { key: "onTime", header: "按时", kind: "count" },
        { key: "late", header: "超时", kind: "count" },
        { key: "open", header: "在办", kind: "count" },
        { key: "overdue", header: "超期", kind: "count" },
      ],
      rows: f.timeliness.map((t) => ({ cells: { label: t.label, done: t.done, onTime: t.onTime, late: t.late, open: t.open, overdue: t.overdue } })),
    },
    {
      id: "applications-divisions",
      title: `依申请救助（按${childLevelName(f.division)}）`,
      columns: [
        { key: "name", header: childLevelName(f.division), kind: "text" },
        { key: "accepted", header: "受理", kind: "count" },
        { key: "open", header: "在办", kind: "count" },
        { key: "overdue", header: "超期", kind: "count" },
        { key: "approved", header: "批准", kind: "count" },
        { key: "refused", header: "不予救助", kind: "count" },
      ],
      rows: f.children.map((c) => ({ cells: { name: c.name, accepted: c.accepted, open: c.open, overdue: c.overdue, approved: c.approved, refused: c.refused }, division: c.division })),
    },
  ];
}

export function monitoringTables(f: MonitoringFigure): FigureTable[] {
  return [
    {
      id: "monitoring-outcome",
      title: "监测预警（按处理结果）",
      note: `监测年度：${f.years.map((y) => `${y}年`).join("、") || "—"}。`,
      columns: [
        { key: "label", header: "处理结果", kind: "text" },
        { key: "flags", header: "预警数", kind: "count" },
      ],
      rows: [
        { cells: { label: "未处理", flags: f.open } },
        ...f.byOutcome.map((o) => ({ cells: { label: o.label, flags: o.flags } })),
        { cells: { label: "预警合计", flags: f.raised }, total: true },
      ],
    },
    {
      id: "monitoring-divisions",
      title: `监测预警（按${childLevelName(f.division)}）`,
      columns: [
        { key: "name", header: childLevelName(f.division), kind: "text" },
        { key: "raised", header: "预警", kind: "count" },
        { key: "open", header: "未处理", kind: "count" },
      ],
      rows: [
        ...f.children.map((c) => ({ cells: { name: c.name, raised: c.raised, open: c.open }, division: c.division })),
        { cells: { name: `${f.name}合计`, raised: f.raised, open: f.open }, total: true },
      ],
    },
  ];
}

/** 1234567 → "1,234,567". */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A money string in 万元 with two decimals, half-up: "123456.78" → "12.35 万元". */
export function formatWan(amount: string): string {
  const wan = new Money(amount).dividedBy(10000).toDecimalPlaces(2).toFixed(2);
  const [int, frac] = wan.replace("-", "").split(".");
  return `${wan.startsWith("-") ? "-" : ""}${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac} 万元`;
}

/** A cell as people read it: counts grouped, money as ¥, percentages with %, a missing value as —. */
export function formatCell(kind: ColumnKind, value: TableCell | undefined): string {
  if (value === null || value === undefined) return "—";
  if (kind === "count") return typeof value === "number" ? formatCount(value) : value;
  if (kind === "money") return formatYuan(String(value));
  if (kind === "percent") return `${value}%`;
  return String(value);
}
