"use client";

import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ChartRow = { township: string; township_days: number | null; county_days: number | null; payment_days: number | null };

const BARS = [
  { key: "township_days", name: "乡镇审核", color: "#2563eb" },
  { key: "county_days", name: "县级审核", color: "#0d9488" },
  { key: "payment_days", name: "资金支付", color: "#d97706" },
] as const;

/** Average working days per step and township, against the 10-working-day limit. */
export function TimelinessChart({ rows }: { rows: ChartRow[] }) {
  return (
    <div className="h-72 w-full rounded border border-slate-200 bg-white p-3" data-testid="timeliness-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="township" tick={{ fontSize: 12 }} interval={0} />
          <YAxis tick={{ fontSize: 12 }} allowDecimals={false} />
          <Tooltip formatter={(v) => (v === null || v === undefined ? "—" : `${v} 个工作日`)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <ReferenceLine y={10} stroke="#dc2626" strokeDasharray="4 4" label={{ value: "时限 10 个工作日", position: "insideTopRight", fontSize: 12, fill: "#dc2626" }} />
          {BARS.map((b) => (
            <Bar key={b.key} dataKey={b.key} name={b.name} fill={b.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
