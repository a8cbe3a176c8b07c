import Link from "next/link";
import type { Metadata } from "next";
import "./stats.css";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { requireContext } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/domain/can";
import { describeActor } from "@/lib/auth/describe-actor";
import { divisionChain } from "@/lib/divisions/domain/division-chain";
import { isWithin } from "@/lib/divisions/domain/division-code";
import { AppError } from "@/lib/errors/app-error";
import { loadForPage } from "@/lib/http/page-errors";
import { param } from "@/lib/http/search-params";
import { getApplicationsFigure } from "@/lib/statistics/get-applications-figure";
import { getCoverageFigure } from "@/lib/statistics/get-coverage-figure";
import { getMonitoringFigure } from "@/lib/statistics/get-monitoring-figure";
import { getPaymentsFigure } from "@/lib/statistics/get-payments-figure";
import { getSubsidyFigure } from "@/lib/statistics/get-subsidy-figure";
import type { CoverageFigure, Period } from "@/lib/statistics/domain/dashboard";
import { parsePeriod, type PeriodInput } from "@/lib/statistics/domain/period";
import { Breadcrumb, type Crumb } from "./_components/breadcrumb";
import { ApplicationsSection, CoverageSection, MonitoringSection, PaymentsSection, SubsidySection, type Links } from "./_components/sections";
import { PeriodForm } from "./_components/period-form";
import { PrintButton } from "./_components/print-button";

export const metadata: Metadata = { title: "统计分析" };

type Search = Promise<Record<string, string | string[] | undefined>>;
type Input = PeriodInput & { division?: string };
type FigureInput = { division?: string; period: Period };
type Loaded<T> = { ok: true; data: T } | { ok: false; message: string };

// A section's own refusal or bad input is shown in the section; the division
// check (someone else's township) is made once, up front, as the 403 page.
async function load<T>(loader: (ctx: UseCaseContext, input: FigureInput) => Promise<T>, ctx: UseCaseContext, input: FigureInput): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await loader(ctx, input) };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, message: err.code === "forbidden" ? "您无权查看此项统计。" : err.message };
    throw err;
  }
}

function query(input: Input, division?: string): string {
  const q = new URLSearchParams();
  const d = division ?? input.division;
  if (d) q.set("division", d);
  for (const k of ["period", "from", "to"] as const) {
    const v = input[k];
    if (typeof v === "string" && v) q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

export default async function StatsPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const ctx = await requireContext();
  const user = ctx.actor.user;
  const today = todayOf(ctx);
  const input: Input = { division: param(sp.division), period: param(sp.period), from: param(sp.from), to: param(sp.to) };
  const division = input.division ?? user.jurisdiction;

  let period: Period;
  let periodError: string | null = null;
  try {
    period = parsePeriod(input, today);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    periodError = err.message;
    period = parsePeriod({}, today);
    delete input.period;
    delete input.from;
    delete input.to;
  }

  // The jurisdiction check, once: a division outside the user's is the 403 page and nothing of it is read.
  const figureInput: FigureInput = { division, period };
  const gate = await loadForPage(() => getCoverageFigure(ctx, figureInput));
  if (!gate.ok) return <Notice tone="error" testId="page-error">{gate.error.message}</Notice>;
  const coverage: Loaded<CoverageFigure> = { ok: true, data: gate.data };

  const [subsidy, payments, applications, monitoring, shell] = await Promise.all([
    load(getSubsidyFigure, ctx, figureInput),
    load(getPaymentsFigure, ctx, figureInput),
    load(getApplicationsFigure, ctx, figureInput),
    load(getMonitoringFigure, ctx, figureInput),
    describeActor(ctx),
  ]);

  // The breadcrumb's names: the jurisdiction's from the shell, the division's
  // own from its figure, one in between (a county user on a village) from
  // that township's figure.
  const chain = chainWithin(division, user.jurisdiction);
  const names = new Map<string, string>([[user.jurisdiction, shell.jurisdiction], [division, gate.data.name]]);
  for (const code of chain.filter((c) => !names.has(c))) names.set(code, (await getCoverageFigure(ctx, { division: code, period })).name);
  const divisionName = gate.data.name;
  const crumbs: Crumb[] = chain.map((code) => ({ code, name: names.get(code) ?? code, href: `/stats${query(input, code)}` }));

  const finance = user.department === "finance";
  const links: Links = {
    drill: (d: string) => `/stats${query(input, d)}`,
    exportHref: (table: string) => `/stats/export${query(input, division)}${query(input, division) ? "&" : "?"}table=${table}`,
    // The 未参保 worklist is a list of people: only for those who work it, never for 财政.
    unenrolled: !finance && can(user, "enrolment.work") ? unenrolledHref(division, period) : null,
  };

  const sections = {
    coverage: <CoverageSection key="coverage" loaded={coverage} links={links} />,
    subsidy: <SubsidySection key="subsidy" loaded={subsidy} links={links} />,
    payments: <PaymentsSection key="payments" loaded={payments} links={links} />,
    applications: <ApplicationsSection key="applications" loaded={applications} links={links} />,
    monitoring: <MonitoringSection key="monitoring" loaded={monitoring} links={links} />,
  };
  // 财政 follows the funds: the fund figures first.
  const order = finance ? (["subsidy", "payments", "coverage", "applications", "monitoring"] as const) : (["coverage", "subsidy", "payments", "applications", "monitoring"] as const);

  return (
    <div className="stats-page">
      <PageHeader
        title={`统计分析 · ${divisionName}`}
        description={`统计期间：${period.label}。汇总数字，不含个人信息；点击柱形或表格中的区划可逐级查看。`}
        actions={<PrintButton />}
      />
      <Breadcrumb crumbs={crumbs} />
      {periodError ? <Notice tone="error" testId="period-error">{periodError}（已按默认期间显示）</Notice> : null}
      <PeriodForm period={period} today={today} division={input.division ?? null} />
      <nav className="no-print mb-4 flex flex-wrap gap-3 text-sm" aria-label="本页栏目">
        {order.map((k) => (
          <a key={k} href={`#${k}`} className="text-brand-700 hover:underline">{SECTION_TITLES[k]}</a>
        ))}
      </nav>
      <div className="space-y-6">{order.map((k) => sections[k])}</div>
      <p className="no-print mt-6 text-sm text-slate-500">
        按月、按季报送的医保扶贫报表及年度汇总见 <Link href="/stats/reports" className="text-brand-700 hover:underline" data-testid="reports-link">统计报表</Link>。
      </p>
      {finance ? null : (
        <p className="no-print mt-6 text-sm text-slate-500">
          依申请救助的办理明细见 <Link href="/applications/timeliness" className="text-brand-700 hover:underline">办理时效</Link>。
        </p>
      )}
    </div>
  );
}

const SECTION_TITLES = { coverage: "参保覆盖", subsidy: "资助参保", payments: "三重保障支付", applications: "依申请救助", monitoring: "监测预警" } as const;

/** The divisions from the user's jurisdiction down to `division`: the breadcrumb, never above the jurisdiction. */
function chainWithin(division: string, jurisdiction: string): string[] {
  return divisionChain(division).filter((c) => isWithin(c, jurisdiction)).reverse();
}

/** The 未参保 worklist of the reporting year, narrowed to the township, or to the village when a village is shown. */
function unenrolledHref(division: string, period: Period): string {
  const year = period.to.slice(0, 4);
  if (/^\d{6}000000$/.test(division)) return `/unenrolled?year=${year}`;
  const township = `/unenrolled?year=${year}&township=${division.slice(0, 9)}000`;
  return division.endsWith("000") ? township : `${township}&village=${division}`;
}

