import { CATEGORY_INFO, categoriesOf, parseCategory, type Category } from "@/lib/categories/categories";
import { DEPARTMENT_NAMES, type RosterDepartment } from "@/lib/departments/departments";
import { levelOf } from "@/lib/divisions/domain/division-code";
import { BoundedCache, fail, shown, toHalfWidth, type Check } from "./check";
import { parseRosterDate } from "./dates";

// One check per column (the ID's is in id-check.ts): the normalised value, or a
// Chinese reason that says what to fix. validate-row.ts runs them all so that a
// row reports every problem.

// Letters of any script (Han, Uyghur, Tibetan, Latin) and the separators of
// minority and foreign names (· • ・ . -) with spaces; no digits or symbols.
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}·•・.．\- ]*$/u;
const SURROGATE = /[\uD800-\uDFFF]/;

function codePoints(text: string): number {
  return SURROGATE.test(text) ? [...text].length : text.length;
}

export function checkName(raw: string): Check<string> {
  if (raw === "") return fail("姓名为空，请填写姓名");
  if (raw.includes("\uFFFD")) {
    return fail("姓名中有无法识别的字符（文件编码可能有误），请另存为“CSV UTF-8”或 .xlsx 后重新上传");
  }
  const length = codePoints(raw);
  if (length < 2 || length > 30) return fail(`姓名应为2至30个字（现为${length}个字），请核对`);
  if (!NAME.test(raw)) return fail("姓名只能包含文字和间隔号“·”，不能有数字或符号，请核对");
  return { value: raw };
}

function allowedNames(department: RosterDepartment): string {
  return categoriesOf(department).map((c) => CATEGORY_INFO[c].name).join("、");
}

const categories = new BoundedCache<Category | null>(1000);

export function checkCategory(raw: string, department: RosterDepartment): Check<Category> {
  if (raw === "") return fail(`类别为空，${DEPARTMENT_NAMES[department]}可报送：${allowedNames(department)}`);
  const category = categories.get(raw, parseCategory);
  if (!category) return fail(`无法识别的类别“${shown(raw)}”，${DEPARTMENT_NAMES[department]}可报送：${allowedNames(department)}`);
  if (CATEGORY_INFO[category].certifiedBy !== department) {
    return fail(`类别“${CATEGORY_INFO[category].name}”不属于${DEPARTMENT_NAMES[department]}报送范围`);
  }
  return { value: category };
}

export type RosterChange = "added" | "removed" | "current";

const CHANGES: Record<string, RosterChange> = {
  新增: "added",
  减少: "removed",
  在册: "current",
  added: "added",
  removed: "removed",
  current: "current",
};

export function checkChange(raw: string): Check<RosterChange> {
  if (raw === "") return fail("变动为空，请填写 新增、减少 或 在册");
  const change = CHANGES[raw] ?? CHANGES[raw.toLowerCase()];
  return change ? { value: change } : fail(`无法识别的变动“${shown(raw)}”，请填写 新增、减少 或 在册`);
}

/** The uploader's side of the division check, fixed for a whole file. */
export type DivisionScope = { jurisdiction: string; prefix: string; isKnownDivision: (code: string) => boolean };

/** Uncached: validate-row.ts caches the verdict per file, since villages repeat. */
export function checkDivisionCode(raw: string, scope: DivisionScope): Check<string> {
  if (raw === "") return fail("区划代码为空，请填写12位区划代码（到村或社区）");
  const code = /^\d{12}$/.test(raw) ? raw : toHalfWidth(raw).replace(/\s+/g, "");
  if (!/^\d{12}$/.test(code)) return fail(`区划代码应为12位数字（现为“${shown(raw)}”），请填写到村或社区的12位代码`);
  if (levelOf(code) === null) return fail("区划代码无效（各级代码不一致），请核对");
  // Outside the jurisdiction first: a foreign code is usually unknown here too,
  // and "not yours" is the more useful message.
  if (!code.startsWith(scope.prefix)) {
    return fail(`区划代码不在本单位管辖范围（${scope.jurisdiction}）内，请核对，或交由该人员所在地报送`);
  }
  if (!scope.isKnownDivision(code)) return fail("区划代码不在本系统的区划表中，请核对；如为新设的村或社区，请联系医保局添加");
  return { value: code };
}

const dates = new BoundedCache<string | null>(10_000);

export function checkCertifiedOn(raw: string, lastDay: string, month: string, birthDate: string | null): Check<string> {
  if (raw === "") return fail("认定日期为空，请填写，如 2025-01-05");
  const date = dates.get(raw, parseRosterDate);
  if (!date) return fail(`认定日期“${shown(raw)}”不是有效日期，请按 2025-01-05 的格式填写`);
  if (date > lastDay) return fail(`认定日期 ${date} 晚于导入月份 ${month} 的最后一天，请核对`);
  if (birthDate && date < birthDate) return fail(`认定日期 ${date} 早于出生日期 ${birthDate}，请核对`);
  return { value: date };
}

export const MAX_NOTE_CHARS = 200;

export function checkNote(raw: string): Check<string> {
  const length = raw.length > MAX_NOTE_CHARS ? codePoints(raw) : raw.length;
  return length > MAX_NOTE_CHARS ? fail(`备注不能超过${MAX_NOTE_CHARS}个字（现为${length}个字），请精简`) : { value: raw };
}
