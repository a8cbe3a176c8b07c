// Office dates are Beijing calendar days (UTC+8, no daylight saving since
// 1991), whatever zone the server runs in: a list sent at 23:30 on the 5th
// Beijing time is on time even though it is the 5th at 15:30 UTC.

const OFFSET_MS = 8 * 3600_000;

/** `YYYY-MM-DD` of an instant in Beijing. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM` of an instant in Beijing. */
export function beijingMonth(at: Date): string {
  return beijingDate(at).slice(0, 7);
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
