import { formatYuan } from "@/lib/money/money";

// Amounts on the simulation pages: ¥1,234.56, a difference with its sign and
// colour (more spending red, less green, from the fund's point of view the caller chooses).

export function Yuan({ value }: { value: string }) {
  return <span className="tabular-nums whitespace-nowrap">{formatYuan(value)}</span>;
}

/** draft − current; `upIsBad`: whether a rise is shown red (spending) or green (the person's relief). */
export function Diff({ value, upIsBad = true }: { value: string; upIsBad?: boolean }) {
  const zero = /^-?0\.00$/.test(value);
  const up = !zero && !value.startsWith("-");
  const tone = zero ? "text-slate-500" : up === upIsBad ? "text-red-700" : "text-emerald-700";
  return <span className={`tabular-nums whitespace-nowrap ${tone}`}>{zero ? "—" : `${up ? "+" : ""}${formatYuan(value)}`}</span>;
}
