"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// A bar chart of plain data the server page prepared: each row's `values`
// draw the bars (numbers for the geometry only), `shown` carries the exact
// figures as the page prints them (money strings stay strings), and a row
// with `href` drills down when its bar is clicked. The same rows are in the
// table under the chart, where the drill-down is an ordinary link.

export type BarRow = { label: string; href?: string; values: Record<string, number>; shown: Record<string, string> };
export type BarSeries = { key: string; name: string; color: string };

type Props = {
  rows: BarRow[];
  series: BarSeries[];
  /** Unit on the value axis: 人, 万元, %, 件. */
  unit: string;
  stacked?: boolean;
  /** Bars drawn sideways (many categories with long names). */
  horizontal?: boolean;
  reference?: { value: number; label: string };
  testId?: string;
  height?: number;
  /** Draw even when every value is 0 (a 0 % rate is a figure, not an absence). */
  zeroIsData?: boolean;
  /** Fixed value axis, e.g. [0, 100] for percentages. */
  domain?: [number, number];
};

export function BarsChart({ rows, series, unit, stacked = false, horizontal = false, reference, testId, height, domain, zeroIsData = false }: Props) {
  const router = useRouter();
  const data = rows.map((r) => ({ label: r.label, href: r.href, shown: r.shown, ...r.values }));
  const h = height ?? (horizontal ? Math.max(160, 40 + rows.length * (stacked || series.length === 1 ? 28 : 22 * series.length)) : 288);
  const open = (entry: unknown) => {
    const href = (entry as { payload?: { href?: string } } | undefined)?.payload?.href;
    if (href) router.push(href);
  };
  const clickable = rows.some((r) => r.href);
  const valueAxis = { domain: domain ?? [0, "auto"], allowDecimals: unit === "万元" || unit === "%", tick: { fontSize: 12 }, tickFormatter: (v: number) => `${v}`, label: { value: unit, position: horizontal ? "insideBottomRight" : "insideTopLeft", offset: horizontal ? -2 : 0, fontSize: 12, fill: "#64748b" } } as const;
  // Nothing to compare (all zero, or no rows): say so rather than draw empty axes.
  if (rows.length === 0 || (!zeroIsData && !rows.some((r) => Object.values(r.values).some((v) => v !== 0)))) {
    return (
      <div className="stats-chart flex h-24 w-full items-center justify-center rounded border border-slate-200 bg-white text-sm text-slate-500" data-testid={testId}>
        本期无数据
      </div>
    );
  }
  return (
    <div className="stats-chart w-full rounded border border-slate-200 bg-white p-3" style={{ height: h }} data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout={horizontal ? "vertical" : "horizontal"} margin={{ top: 16, right: horizontal && reference ? 56 : 24, bottom: 4, left: horizontal ? 8 : 0 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={!horizontal} vertical={horizontal} />
          {horizontal ? (
            <>
              <XAxis type="number" {...valueAxis} />
              <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12 }} interval={0} />
            </>
          ) : (
            <>
              <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
              <YAxis {...valueAxis} width={64} />
            </>
          )}
          <Tooltip
            formatter={(_v, name, item) => {
              const key = (item as { dataKey?: string }).dataKey ?? "";
              const shown = (item as { payload?: { shown?: Record<string, string> } }).payload?.shown?.[key];
              return [shown ?? "—", name];
            }}
          />
          {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} /> : null}
          {reference ? (
            <ReferenceLine
              {...(horizontal ? { x: reference.value } : { y: reference.value })}
              stroke="#dc2626"
              strokeDasharray="4 4"
              label={{ value: reference.label, position: horizontal ? "top" : "insideTopRight", fontSize: 12, fill: "#dc2626" }}
            />
          ) : null}
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              fill={s.color}
              stackId={stacked ? "all" : undefined}
              isAnimationActive={false}
              onClick={clickable ? open : undefined}
              cursor={clickable ? "pointer" : undefined}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
