// Display words for stored claim fields.

export const SETTING_NAMES = { inpatient: "住院", outpatient: "门诊" } as const;

export function levelName(level: number): string {
  return ["", "一级", "二级", "三级"][level] ?? `${level}级`;
}
