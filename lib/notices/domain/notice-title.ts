import { quarterLabel, type Quarter } from "./quarter";

// The words every rendering of a notice shares (public page, print view):
// its title and the township office that issues it. One place, so the web
// page and the sheet on the village board say the same thing.

/** 桃洪镇人民政府; a 街道 is run by its 街道办事处 (003 §三(八): 乡镇人民政府（街道办事处）). */
export function townshipOffice(townshipName: string): string {
  if (townshipName.endsWith("办事处") || townshipName.endsWith("人民政府")) return townshipName;
  return townshipName.endsWith("街道") ? `${townshipName}办事处` : `${townshipName}人民政府`;
}

/** 桃洪镇城北村 2026年第四季度医疗救助公示, with （更正） for a correction notice. */
export function noticeTitle(n: { townshipName: string; villageName: string; year: number; quarter: number; isCorrection: boolean }): string {
  const quarter = quarterLabel({ year: n.year, quarter: n.quarter as Quarter });
  return `${n.townshipName}${n.villageName} ${quarter}医疗救助公示${n.isCorrection ? "（更正）" : ""}`;
}

/** 2026-12-02 → 2026年12月2日 */
export function chineseDay(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
}
