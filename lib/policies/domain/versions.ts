// Policy versions by effective date (docs/architecture.md: "policy versions are kept with
// validity dates; history is never overwritten"). Pure helpers; the database
// and the admin pages that store versions build on them.

export type VersionDates = { id: string; version: number; effectiveFrom: string; effectiveTo: string | null };

function covers(v: VersionDates, date: string): boolean {
  return v.effectiveFrom <= date && (v.effectiveTo === null || date <= v.effectiveTo);
}

/**
 * The version in force on `date` (effectiveFrom ≤ date ≤ effectiveTo), or
 * undefined. Should stored versions ever overlap, the latest start wins, then
 * the higher version number.
 */
export function versionInForce<T extends VersionDates>(versions: readonly T[], date: string): T | undefined {
  let best: T | undefined;
  for (const v of versions) {
    if (!covers(v, date)) continue;
    if (!best || v.effectiveFrom > best.effectiveFrom || (v.effectiveFrom === best.effectiveFrom && v.version > best.version)) best = v;
  }
  return best;
}

/** The day before a YYYY-MM-DD date. */
export function dayBefore(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

export type VersionCheck =
  | { ok: true; /** Open-ended versions the new one ends, with their new effectiveTo. */ closes: { version: number; effectiveTo: string }[] }
  | { ok: false; message: string };

/**
 * Whether `candidate` may join the stored versions of the same policy id:
 * its dates are in order, its number is new, and it overlaps no version —
 * except the open-ended current version when the candidate starts after it,
 * which the candidate then closes the day before it starts.
 */
export function checkNewVersion(existing: readonly VersionDates[], candidate: VersionDates): VersionCheck {
  const c = candidate;
  if (c.effectiveTo !== null && c.effectiveTo < c.effectiveFrom) {
    return { ok: false, message: `effectiveTo: 失效日期 ${c.effectiveTo} 早于生效日期 ${c.effectiveFrom}` };
  }
  const closes: { version: number; effectiveTo: string }[] = [];
  for (const e of existing) {
    if (e.id !== c.id) continue;
    if (e.version === c.version) return { ok: false, message: `version: 政策 ${c.id} 已有第 ${c.version} 版，新版本须使用新的版本号` };
    const span = `第 ${e.version} 版（${e.effectiveFrom} 至 ${e.effectiveTo ?? "今后"}）`;
    if (e.effectiveTo === null && e.effectiveFrom < c.effectiveFrom) {
      closes.push({ version: e.version, effectiveTo: dayBefore(c.effectiveFrom) });
      continue;
    }
    const overlaps = c.effectiveFrom <= (e.effectiveTo ?? "9999-12-31") && e.effectiveFrom <= (c.effectiveTo ?? "9999-12-31");
    if (overlaps) return { ok: false, message: `effectiveFrom: 新版本（${c.effectiveFrom} 至 ${c.effectiveTo ?? "今后"}）与${span}日期重叠` };
  }
  return { ok: true, closes };
}
