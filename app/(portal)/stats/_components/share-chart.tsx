"use client";

import { Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";

// Shares of a whole (funding sources, tiers of the policy-scope cost): a ring
// whose slices carry the exact figure as the page prints it.

/** `tag`: the slice's label, e.g. the exact share as the figure states it; default the name and its drawn proportion. */
export type Slice = { name: string; value: number; shown: string; color?: string; tag?: string };

const COLORS = ["#2563eb", "#0d9488", "#d97706", "#7c3aed", "#dc2626", "#64748b", "#0891b2", "#65a30d"];

export function ShareChart({ slices, testId }: { slices: Slice[]; testId?: string }) {
  const data = slices.filter((s) => s.value > 0);
  return (
    <div className={`stats-chart w-full rounded border border-slate-200 bg-white p-3 ${data.length === 0 ? "h-24" : "h-64"}`} data-testid={testId}>
      {data.length === 0 ? (
        <p className="flex h-full items-center justify-center text-sm text-slate-500">本期无数据</p>
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          <PieChart>
            <Pie data={data} dataKey="value" nameKey="name" innerRadius="45%" outerRadius="75%" paddingAngle={1} isAnimationActive={false} label={({ name, percent, payload }) => (payload as Slice | undefined)?.tag ?? `${name} ${((percent ?? 0) * 100).toFixed(1)}%`} labelLine={false} fontSize={12}>
              {data.map((s, i) => (
                <Cell key={s.name} fill={s.color ?? COLORS[i % COLORS.length]} />
              ))}
            </Pie>
            <Tooltip formatter={(_v, name, item) => [(item as { payload?: Slice }).payload?.shown ?? "—", name]} />
            <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          </PieChart>
        </ResponsiveContainer>
      )}
    </div>
  );
}
