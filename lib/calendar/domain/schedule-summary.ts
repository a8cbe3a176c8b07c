import type { YearSchedule } from "@/lib/calendar/domain/schedule-schema";

// Pure helpers for comparing and auditing versions of a year's schedule.

const sorted = (days: readonly string[]) => [...days].sort();

/**
 * The schedule with its fields in a fixed order and its days sorted: two loads
 * that state the same arrangement compare equal even when the JSON differs in
 * key order (jsonb reorders keys) or lists the days in another order.
 */
export function canonicalSchedule(s: YearSchedule): string {
  const holidays = s.holidays
    .map((h) => ({ name: h.name, days: sorted(h.days) }))
    .sort((a, b) => (a.days[0] ?? "").localeCompare(b.days[0] ?? "") || a.name.localeCompare(b.name));
  // provisional is part of the content: the official notice stating the same days still replaces the estimate.
  return JSON.stringify({ year: s.year, holidays, makeupWorkdays: sorted(s.makeupWorkdays), source: s.source, provisional: s.provisional === true });
}

/** The schedule in its documented field order, pretty-printed: for download and as a template. */
export function scheduleJson(s: YearSchedule): string {
  const { year, holidays, makeupWorkdays, source, provisional } = s;
  const fields = { year, holidays: holidays.map(({ name, days }) => ({ name, days })), makeupWorkdays, source };
  return JSON.stringify(provisional ? { ...fields, provisional } : fields, null, 2);
}

/** A short, readable summary for the audit log: `春节 2026-02-15～2026-02-23（9天）`. */
export function summarizeSchedule(s: YearSchedule, version: number) {
  return {
    version,
    ...(s.provisional ? { provisional: true } : {}),
    source: s.source,
    holidays: s.holidays.map((h) => {
      const days = sorted(h.days);
      return `${h.name} ${days[0]}～${days.at(-1)}（${days.length}天）`;
    }),
    makeupWorkdays: sorted(s.makeupWorkdays),
  };
}

const minus = (a: Set<string>, b: Set<string>) => [...a].filter((d) => !b.has(d)).sort();

/** Which days became or stopped being days off / make-up working days. */
export function diffSchedules(before: YearSchedule | null, after: YearSchedule) {
  const off = (s: YearSchedule | null) => new Set(s?.holidays.flatMap((h) => h.days) ?? []);
  const makeup = (s: YearSchedule | null) => new Set(s?.makeupWorkdays ?? []);
  return {
    holidaysAdded: minus(off(after), off(before)),
    holidaysRemoved: minus(off(before), off(after)),
    makeupAdded: minus(makeup(after), makeup(before)),
    makeupRemoved: minus(makeup(before), makeup(after)),
  };
}

export function holidayDayCount(s: YearSchedule): number {
  return s.holidays.reduce((n, h) => n + h.days.length, 0);
}
