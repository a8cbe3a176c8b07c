import Link from "next/link";
import type { ApplicationsFigure, CoverageFigure, MonitoringFigure, PaymentsFigure, SubsidyFigure } from "@/lib/statistics/domain/dashboard";
import {
  TIERS,
  applicationsTables,
  coverageTables,
  formatCount,
  formatWan,
  monitoringTables,
  paymentsTables,
  subsidyTables,
  type FigureTable,
} from "@/lib/statistics/domain/figure-tables";
import { Money, formatYuan } from "@/lib/money/money";
import { BarsChart } from "./bars-chart";
import { barRows, wanValue } from "./chart-data";
import { DataTable } from "./data-table";
import { ChartBlock, Section, SectionError, Tile, Tiles } from "./section";
import { ShareChart } from "./share-chart";

// The dashboard's five sections. Server components: they turn a figure into
// tiles, plain chart rows (client charts) and the tables of figure-tables.ts.

export type Links = {
  drill: (division: string) => string;
  exportHref: (table: string) => string;
  /** The 未参保 worklist of this division, for those allowed to open it; null otherwise. */
  unenrolled: string | null;
};

type Loaded<T> = { ok: true; data: T } | { ok: false; message: string };

const TIER_COLORS: Record<string, string> = { basic: "#2563eb", critical: "#7c3aed", assistance: "#0d9488", tilted: "#d97706", selfPaid: "#94a3b8" };

function Failed({ id, title, message }: { id: string; title: string; message: string }) {
  return (
    <Section id={id} title={title}>
      <SectionError message={message} />
    </Section>
  );
}

function byId(tables: FigureTable[], id: FigureTable["id"]): FigureTable {
  return tables.find((t) => t.id === id)!;
}

const pct = (v: string | null) => (v === null ? "—" : `${v}%`);

export function CoverageSection({ loaded, links }: { loaded: Loaded<CoverageFigure>; links: Links }) {
  const id = "coverage";
  const title = "参保覆盖";
  if (!loaded.ok) return <Failed id={id} title={title} message={loaded.message} />;
  const f = loaded.data;
  const tables = coverageTables(f);
  const byCategory = byId(tables, "coverage-category");
  const byDivision = byId(tables, "coverage-divisions");
  const reached = f.target !== null && f.rate !== null && new Money(f.rate).gte(f.target);
  return (
    <Section id={id} title={title} subtitle={`统计日期 ${f.on}`}>
      <Tiles>
        <Tile label="救助对象" value={`${formatCount(f.assisted)} 人`} testId="coverage-assisted" />
        <Tile label="已参保" value={`${formatCount(f.enrolled)} 人`} testId="coverage-enrolled" />
        <Tile label="参保率" value={pct(f.rate)} hint={f.target === null ? "在用政策未设参保目标" : `目标 ${f.target}%`} tone={f.target === null ? "plain" : reached ? "good" : "warn"} testId="coverage-rate" />
        <Tile
          label="距目标缺口"
          value={`${formatCount(f.gap)} 人`}
          tone={f.gap > 0 ? "warn" : "plain"}
          testId="coverage-gap"
          hint={
            links.unenrolled ? (
              <Link href={links.unenrolled} className="no-print text-brand-700 hover:underline" data-testid="unenrolled-link">
                查看未参保人员 →
              </Link>
            ) : undefined
          }
        />
      </Tiles>
      <div className={`grid gap-4 print:grid-cols-1 ${f.byCategory.length > 0 && f.children.length > 0 ? "lg:grid-cols-2" : ""}`}>
        {f.byCategory.length === 0 ? null : (
        <ChartBlock title="救助对象与参保人数（按类别）">
          <BarsChart
            horizontal
            unit="人"
            testId="chart-coverage-category"
            rows={barRows(byCategory.rows, "label", [{ key: "assisted", kind: "count" }, { key: "enrolled", kind: "count" }])}
            series={[
              { key: "assisted", name: "救助对象", color: "#94a3b8" },
              { key: "enrolled", name: "已参保", color: "#2563eb" },
            ]}
          />
          <DataTable table={byCategory} exportHref={links.exportHref(byCategory.id)} />
        </ChartBlock>
        )}
        {f.children.length > 0 ? (
          <ChartBlock title={`参保率比较（${byDivision.columns[0]!.header}，点击查看下级）`}>
            <BarsChart
              horizontal
              unit="%"
              domain={[0, 100]}
              zeroIsData
              testId="chart-coverage-divisions"
              rows={barRows(byDivision.rows, "name", [{ key: "rate", kind: "percent" }], links.drill)}
              series={[{ key: "rate", name: "参保率", color: "#2563eb" }]}
              reference={f.target === null ? undefined : { value: Number(f.target), label: `目标 ${f.target}%` }}
            />
            <DataTable table={byDivision} exportHref={links.exportHref(byDivision.id)} drill={links.drill} />
          </ChartBlock>
        ) : null}
      </div>
    </Section>
  );
}

export function SubsidySection({ loaded, links }: { loaded: Loaded<SubsidyFigure>; links: Links }) {
  const id = "subsidy";
  const title = "资助参保";
  if (!loaded.ok) return <Failed id={id} title={title} message={loaded.message} />;
  const f = loaded.data;
  const tables = subsidyTables(f);
  const bySource = byId(tables, "subsidy-source");
  const byCategory = byId(tables, "subsidy-category");
  const byDivision = byId(tables, "subsidy-divisions");
  return (
    <Section id={id} title={title} subtitle={`参保年度 ${f.years.map((y) => `${y}年`).join("、")}`}>
      <Tiles>
        <Tile label="资助人数" value={`${formatCount(f.people)} 人`} testId="subsidy-people" />
        <Tile label="资助金额" value={formatWan(f.subsidy)} hint={formatYuan(f.subsidy)} testId="subsidy-amount" />
        <Tile label="个人缴费" value={formatWan(f.personal)} hint={formatYuan(f.personal)} testId="subsidy-personal" />
      </Tiles>
      <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-1">
        <ChartBlock title="资金来源构成">
          <ShareChart testId="chart-subsidy-source" slices={f.bySource.map((s) => ({ name: s.label, value: wanValue(s.amount), shown: formatWan(s.amount) }))} />
          <DataTable table={bySource} exportHref={links.exportHref(bySource.id)} />
        </ChartBlock>
        <ChartBlock title="资助金额（按类别，万元）">
          <BarsChart
            horizontal
            stacked
            unit="万元"
            testId="chart-subsidy-category"
            rows={barRows(byCategory.rows, "label", [{ key: "subsidy", kind: "money" }, { key: "personal", kind: "money" }])}
            series={[
              { key: "subsidy", name: "资助金额", color: "#0d9488" },
              { key: "personal", name: "个人缴费", color: "#94a3b8" },
            ]}
          />
          <DataTable table={byCategory} exportHref={links.exportHref(byCategory.id)} />
        </ChartBlock>
      </div>
      {f.children.length > 0 ? (
        <ChartBlock title={`资助金额比较（${byDivision.columns[0]!.header}，万元，点击查看下级）`}>
          <BarsChart
            unit="万元"
            testId="chart-subsidy-divisions"
            rows={barRows(byDivision.rows, "name", [{ key: "subsidy", kind: "money" }], links.drill)}
            series={[{ key: "subsidy", name: "资助金额", color: "#0d9488" }]}
          />
          <DataTable table={byDivision} exportHref={links.exportHref(byDivision.id)} drill={links.drill} />
        </ChartBlock>
      ) : null}
    </Section>
  );
}

export function PaymentsSection({ loaded, links }: { loaded: Loaded<PaymentsFigure>; links: Links }) {
  const id = "payments";
  const title = "三重保障支付";
  if (!loaded.ok) return <Failed id={id} title={title} message={loaded.message} />;
  const f = loaded.data;
  const tables = paymentsTables(f);
  const byMonth = byId(tables, "payments-month");
  const byCategory = byId(tables, "payments-category");
  const byDivision = byId(tables, "payments-divisions");
  const shares = byId(tables, "payments-shares");
  const tierKeys = TIERS.map((t) => ({ key: t.key, kind: "money" as const }));
  const tierSeries = TIERS.map((t) => ({ key: t.key, name: t.name, color: TIER_COLORS[t.key]! }));
  return (
    <Section id={id} title={title}>
      <Tiles>
        <Tile label="结算人次" value={formatCount(f.totals.claims)} testId="payments-claims" />
        <Tile label="医疗总费用" value={formatWan(f.totals.totalCost)} hint={formatYuan(f.totals.totalCost)} testId="payments-total" />
        <Tile label="医疗救助支付（含倾斜）" value={formatWan(sumAmounts(f.totals.assistance, f.totals.tilted))} hint={`医疗救助 ${formatYuan(f.totals.assistance)}，倾斜 ${formatYuan(f.totals.tilted)}`} testId="payments-assistance" />
        <Tile label="政策范围内住院费用支付比例" value={pct(f.inpatientScopeShare)} hint={`个人自付占比 ${pct(f.shares.selfPaid)}`} testId="payments-inpatient-share" />
      </Tiles>
      <ChartBlock title="各月支付（万元）">
        <BarsChart stacked unit="万元" testId="chart-payments-month" rows={barRows(byMonth.rows, "month", tierKeys)} series={tierSeries} />
        <DataTable table={byMonth} exportHref={links.exportHref(byMonth.id)} />
      </ChartBlock>
      <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-1">
        <ChartBlock title="政策范围内费用由谁承担">
          <ShareChart testId="chart-payments-shares" slices={TIERS.map((t) => ({ name: t.name, value: wanValue(f.totals[t.key]), shown: `${formatWan(f.totals[t.key])}（${pct(f.shares[t.key])}）`, color: TIER_COLORS[t.key], tag: `${t.name} ${pct(f.shares[t.key])}` }))} />
          <DataTable table={shares} exportHref={links.exportHref(shares.id)} />
        </ChartBlock>
        <ChartBlock title="按类别（万元）">
          <BarsChart horizontal stacked unit="万元" testId="chart-payments-category" rows={barRows(byCategory.rows, "label", tierKeys)} series={tierSeries} />
          <DataTable table={byCategory} exportHref={links.exportHref(byCategory.id)} />
        </ChartBlock>
      </div>
      {f.children.length > 0 ? (
        <ChartBlock title={`${byDivision.columns[0]!.header}比较（万元，点击查看下级）`}>
          <BarsChart stacked unit="万元" testId="chart-payments-divisions" rows={barRows(byDivision.rows, "name", tierKeys, links.drill)} series={tierSeries} />
          <DataTable table={byDivision} exportHref={links.exportHref(byDivision.id)} drill={links.drill} />
        </ChartBlock>
      ) : null}
    </Section>
  );
}

export function ApplicationsSection({ loaded, links }: { loaded: Loaded<ApplicationsFigure>; links: Links }) {
  const id = "applications";
  const title = "依申请救助";
  if (!loaded.ok) return <Failed id={id} title={title} message={loaded.message} />;
  const f = loaded.data;
  const tables = applicationsTables(f);
  const byState = byId(tables, "applications-state");
  const timeliness = byId(tables, "applications-timeliness");
  const byDivision = byId(tables, "applications-divisions");
  const open = f.timeliness.reduce((n, t) => n + t.open, 0);
  const overdue = f.timeliness.reduce((n, t) => n + t.overdue, 0);
  return (
    <Section id={id} title={title}>
      <Tiles>
        <Tile label="本期受理" value={`${formatCount(f.accepted)} 件`} testId="applications-accepted" />
        <Tile label="在办" value={`${formatCount(open)} 件`} />
        <Tile label="在办超期" value={`${formatCount(overdue)} 件`} tone={overdue > 0 ? "warn" : "plain"} />
      </Tiles>
      <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-1">
        <ChartBlock title="案件办理状态">
          <BarsChart horizontal unit="件" testId="chart-applications-state" rows={barRows(byState.rows, "label", [{ key: "cases", kind: "count" }])} series={[{ key: "cases", name: "案件数", color: "#2563eb" }]} />
          <DataTable table={byState} exportHref={links.exportHref(byState.id)} />
        </ChartBlock>
        <ChartBlock title="各环节办理时效">
          <BarsChart
            horizontal
            stacked
            unit="件"
            testId="chart-applications-timeliness"
            // 超期 is part of 在办: the bar shows 在办 as its two parts so nothing is counted twice.
            rows={f.timeliness.map((t) => ({
              label: t.label,
              values: { onTime: t.onTime, late: t.late, pending: t.open - t.overdue, overdue: t.overdue },
              shown: { onTime: formatCount(t.onTime), late: formatCount(t.late), pending: formatCount(t.open - t.overdue), overdue: formatCount(t.overdue) },
            }))}
            series={[
              { key: "onTime", name: "按时办结", color: "#0d9488" },
              { key: "late", name: "超时办结", color: "#dc2626" },
              { key: "pending", name: "在办未超期", color: "#94a3b8" },
              { key: "overdue", name: "在办已超期", color: "#f59e0b" },
            ]}
          />
          <DataTable table={timeliness} exportHref={links.exportHref(timeliness.id)} />
        </ChartBlock>
      </div>
      {f.children.length > 0 ? <DataTable table={byDivision} exportHref={links.exportHref(byDivision.id)} drill={links.drill} /> : null}
    </Section>
  );
}

export function MonitoringSection({ loaded, links }: { loaded: Loaded<MonitoringFigure>; links: Links }) {
  const id = "monitoring";
  const title = "监测预警";
  if (!loaded.ok) return <Failed id={id} title={title} message={loaded.message} />;
  const f = loaded.data;
  const tables = monitoringTables(f);
  const byOutcome = byId(tables, "monitoring-outcome");
  const byDivision = byId(tables, "monitoring-divisions");
  return (
    <Section id={id} title={title} subtitle={`监测年度 ${f.years.map((y) => `${y}年`).join("、")}`}>
      <Tiles>
        <Tile label="预警" value={`${formatCount(f.raised)} 条`} testId="monitoring-raised" />
        <Tile label="未处理" value={`${formatCount(f.open)} 条`} tone={f.open > 0 ? "warn" : "plain"} testId="monitoring-open" />
        <Tile label="已处理" value={`${formatCount(f.raised - f.open)} 条`} />
      </Tiles>
      <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-1">
        <ChartBlock title="处理结果">
          <ShareChart testId="chart-monitoring-outcome" slices={byOutcome.rows.filter((r) => !r.total).map((r) => ({ name: String(r.cells.label), value: Number(r.cells.flags ?? 0), shown: `${formatCount(Number(r.cells.flags ?? 0))} 条` }))} />
          <DataTable table={byOutcome} exportHref={links.exportHref(byOutcome.id)} />
        </ChartBlock>
        {f.children.length > 0 ? (
          <ChartBlock title={`${byDivision.columns[0]!.header}比较（点击查看下级）`}>
            <BarsChart
              horizontal
              unit="条"
              testId="chart-monitoring-divisions"
              rows={barRows(byDivision.rows, "name", [{ key: "raised", kind: "count" }, { key: "open", kind: "count" }], links.drill)}
              series={[
                { key: "raised", name: "预警", color: "#94a3b8" },
                { key: "open", name: "未处理", color: "#dc2626" },
              ]}
            />
            <DataTable table={byDivision} exportHref={links.exportHref(byDivision.id)} drill={links.drill} />
          </ChartBlock>
        ) : null}
      </div>
    </Section>
  );
}

function sumAmounts(a: string, b: string): string {
  return new Money(a).plus(b).toFixed(2);
}
