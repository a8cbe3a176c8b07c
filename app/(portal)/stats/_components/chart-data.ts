import { Money } from "@/lib/money/money";
import { formatCount, formatWan, type TableRow } from "@/lib/statistics/domain/figure-tables";
import type { BarRow } from "./bars-chart";

// Plain, serialisable chart rows built on the server from a figure's table
// rows: `values` are numbers for the bars' geometry only (万元 to two places,
// counts, percentages); `shown` keeps the exact figure as printed.

/** 万元 as a number for drawing, from a money string: "123456.78" → 12.35. */
export function wanValue(amount: string | number | null | undefined): number {
  if (amount === null || amount === undefined) return 0;
  return Number(new Money(String(amount)).dividedBy(10000).toDecimalPlaces(2).toFixed(2));
}

export type SeriesKind = "money" | "count" | "percent";

/** Chart rows from table rows (totals left out), one value per series key. */
export function barRows(rows: TableRow[], labelKey: string, keys: { key: string; kind: SeriesKind }[], href?: (division: string) => string): BarRow[] {
  return rows
    .filter((r) => !r.total)
    .map((r) => {
      const values: Record<string, number> = {};
      const shown: Record<string, string> = {};
      for (const { key, kind } of keys) {
        const v = r.cells[key];
        if (kind === "money") {
          values[key] = wanValue(v as string | null);
          shown[key] = v === null || v === undefined ? "—" : formatWan(String(v));
        } else if (kind === "percent") {
          values[key] = v === null || v === undefined ? 0 : Number(v);
          shown[key] = v === null || v === undefined ? "—" : `${v}%`;
        } else {
          values[key] = typeof v === "number" ? v : 0;
          shown[key] = typeof v === "number" ? formatCount(v) : "—";
        }
      }
      return { label: String(r.cells[labelKey] ?? ""), href: r.division && href ? href(r.division) : undefined, values, shown };
    });
}
