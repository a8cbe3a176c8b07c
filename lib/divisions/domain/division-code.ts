// Administrative division codes (统计用区划代码), 12 digits:
// PP CC DD TTT VVV — province, city, county, township, village. A code
// belongs to the level of its last non-zero part. A user's jurisdiction is
// one code; they see that division and everything below it, which is a
// prefix match on the code's significant digits.

export const DIVISION_LEVELS = ["province", "city", "county", "township", "village"] as const;
export type DivisionLevel = (typeof DIVISION_LEVELS)[number];

export const DIVISION_LEVEL_NAMES: Record<DivisionLevel, string> = {
  province: "省",
  city: "市",
  county: "县（区）",
  township: "乡镇（街道）",
  village: "村（社区）",
};

const SIGNIFICANT: Record<DivisionLevel, number> = { province: 2, city: 4, county: 6, township: 9, village: 12 };

export function isDivisionCode(code: string): boolean {
  return /^\d{12}$/.test(code) && levelOf(code) !== null;
}

/** The level of a well-formed code; null when its parts are inconsistent (e.g. a village under township 000). */
export function levelOf(code: string): DivisionLevel | null {
  if (!/^\d{12}$/.test(code) || code.startsWith("00")) return null;
  const parts = [code.slice(2, 4), code.slice(4, 6), code.slice(6, 9), code.slice(9, 12)];
  let level: DivisionLevel = "province";
  let seenZero = false;
  for (let i = 0; i < parts.length; i++) {
    const zero = /^0+$/.test(parts[i]!);
    if (zero) seenZero = true;
    else if (seenZero) return null;
    else level = DIVISION_LEVELS[i + 1]!;
  }
  return level;
}

/** Significant prefix: "430524" for the county 430524000000. */
export function scopePrefix(code: string): string {
  const level = levelOf(code);
  if (!level) throw new Error(`invalid division code: ${code}`);
  return code.slice(0, SIGNIFICANT[level]);
}

/**
 * How many leading digits name a child of `code` (one level down): 9 for a
 * county's townships, 12 for a township's villages; a village has no level
 * below and answers its own 12.
 */
export function childPrefixLength(code: string): number {
  const level = levelOf(code);
  if (!level) throw new Error(`invalid division code: ${code}`);
  const below = DIVISION_LEVELS[DIVISION_LEVELS.indexOf(level) + 1];
  return SIGNIFICANT[below ?? level];
}

/** True when `code` is `scope` itself or lies below it. */
export function isWithin(code: string, scope: string): boolean {
  return code.startsWith(scopePrefix(scope));
}

/** The code of the division directly above; null for a province. */
export function parentCode(code: string): string | null {
  const level = levelOf(code);
  if (!level || level === "province") return null;
  const parentLevel = DIVISION_LEVELS[DIVISION_LEVELS.indexOf(level) - 1]!;
  return code.slice(0, SIGNIFICANT[parentLevel]).padEnd(12, "0");
}

/** The township a village (or the township itself) belongs to; null above township level. */
export function townshipOf(code: string): string | null {
  const level = levelOf(code);
  if (level !== "township" && level !== "village") return null;
  return code.slice(0, 9).padEnd(12, "0");
}
