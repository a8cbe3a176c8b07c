// Dates as clerks type them: 2025-01-05, 2025/1/5, 2025.1.5, 2025年1月5日,
// 20250105, and date cells (read-xlsx gives those as 2025-01-05). A time after
// the date ("2025-01-05 00:00:00", some exports add it) is ignored.

const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;
// The two separators must agree: 2025-01/05 is a typo, not a date.
const SEPARATED = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1) return null;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** `YYYY-MM-DD`, or null when the text is not a real calendar date in one of the accepted forms. */
export function parseRosterDate(text: string): string | null {
  const t = text.trim();
  let m = SEPARATED.exec(t);
  if (m) return iso(Number(m[1]), Number(m[3]), Number(m[4]));
  m = CHINESE.exec(t) ?? COMPACT.exec(t);
  return m ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** The last day of a `YYYY-MM` month as `YYYY-MM-DD`. */
export function monthEnd(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const y = Number(m?.[1]);
  const mo = Number(m?.[2]);
  if (!m || mo < 1 || mo > 12) throw new Error(`month must be YYYY-MM: ${month}`);
  return iso(y, mo, new Date(Date.UTC(y, mo, 0)).getUTCDate())!;
}
