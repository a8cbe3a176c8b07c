import { beijingToday } from "@/lib/calendar/domain/iso-date";

// Months of the roster calendar; the Beijing date itself is beijingToday
// (lib/calendar/domain/iso-date.ts).

/** `YYYY-MM` of an instant in Beijing. */
export function beijingMonth(at: Date): string {
  return beijingToday(at).slice(0, 7);
}

/** `YYYY-MM` shifted by whole months (negative goes back). */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Months from `from` to `to` inclusive, newest first. */
export function monthsDescending(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = to; m >= from; m = shiftMonth(m, -1)) out.push(m);
  return out;
}
