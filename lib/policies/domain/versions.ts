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

/** The day after a YYYY-MM-DD date. */
export function dayAfter(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

export type VersionPlan =
  | {
      ok: true;
      /** Published versions the new one shortens: each ends the day before it starts. */
      closes: { version: number; effectiveTo: string; wasTo: string | null }[];
      /** One sentence per shortened version, for the manager to confirm: "第 1 版将于 2026-08-31 结束，第 2 版自 2026-09-01 起施行". */
      explanation: string[];
      /** What the manager confirms ("1:2026-08-31"): a confirmation of another plan is asked again. */
      key: string;
    }
  | { ok: false; message: string };

const until = (to: string | null) => (to === null ? "长期有效" : `至 ${to}`);

/**
 * How `candidate` (a draft being activated) joins the published versions of
 * its policy, in words. A version that started earlier and would still be in
 * force when the candidate starts is shortened to end the day before — the
 * manager sees the sentence and confirms it. A version that starts on or
 * after the candidate's start cannot be shortened that way, nor one the
 * candidate would cut in two: that is refused with what to change.
 */
export function planNewVersion(existing: readonly VersionDates[], candidate: VersionDates): VersionPlan {
  const c = candidate;
  if (c.effectiveTo !== null && c.effectiveTo < c.effectiveFrom) {
    return { ok: false, message: `第 ${c.version} 版的失效日期 ${c.effectiveTo} 早于生效日期 ${c.effectiveFrom}：请在编辑草稿的“基本信息”中改正` };
  }
  const closes: { version: number; effectiveTo: string; wasTo: string | null }[] = [];
  for (const e of [...existing].sort((a, b) => a.version - b.version)) {
    if (e.id !== c.id) continue;
    if (e.version === c.version) return { ok: false, message: `政策 ${c.id} 已有第 ${c.version} 版，不能再次发布同一版本号：请“复制为新版本”` };
    const overlaps = c.effectiveFrom <= (e.effectiveTo ?? "9999-12-31") && e.effectiveFrom <= (c.effectiveTo ?? "9999-12-31");
    if (!overlaps) continue;
    const span = `第 ${e.version} 版自 ${e.effectiveFrom} 起施行、${until(e.effectiveTo)}`;
    if (e.effectiveFrom >= c.effectiveFrom) {
      return {
        ok: false,
        message: `第 ${c.version} 版自 ${c.effectiveFrom} 起施行，而${span}：两版不能在同一天都有效。请在编辑草稿的“基本信息”中把生效日期改为 ${dayAfter(e.effectiveTo ?? e.effectiveFrom)} 或之后${e.effectiveTo === null ? `（晚于第 ${e.version} 版的生效日期，第 ${e.version} 版随之结束）` : ""}`,
      };
    }
    if (c.effectiveTo !== null && (e.effectiveTo === null || c.effectiveTo < e.effectiveTo)) {
      return {
        ok: false,
        message: `第 ${c.version} 版（${c.effectiveFrom} 至 ${c.effectiveTo}）落在${span}的中间，启用后 ${dayAfter(c.effectiveTo)} 起将没有适用的版本：请把第 ${c.version} 版的失效日期留空（长期有效），或另行复制一个版本接续`,
      };
    }
    closes.push({ version: e.version, effectiveTo: dayBefore(c.effectiveFrom), wasTo: e.effectiveTo });
  }
  const starts = `第 ${c.version} 版自 ${c.effectiveFrom} 起施行${c.effectiveTo === null ? "" : `，至 ${c.effectiveTo} 止`}`;
  return {
    ok: true,
    closes,
    explanation: closes.map((x) => `第 ${x.version} 版将于 ${x.effectiveTo} 结束（原为${until(x.wasTo)}），${starts}`),
    key: closes.map((x) => `${x.version}:${x.effectiveTo}`).join(","),
  };
}
