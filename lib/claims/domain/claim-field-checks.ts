import { MAX_INPUT_CENTS, type Cents } from "@/lib/settlement/cents";
import { fail, shown, toHalfWidth, type Check } from "@/lib/rosters/domain/check";
import { parseRosterDate } from "@/lib/rosters/domain/dates";

// One check per settlement-record column: the normalised value, or a Chinese
// reason that says what to fix. Money is parsed straight to integer fen (the
// engine's unit) from the text, never through a float.

const EXTERNAL_ID = /^[\p{L}\p{N}_\-./#]{1,64}$/u;

export function checkExternalId(raw: string): Check<string> {
  if (raw === "") return fail("结算流水号为空，请填写医保平台的结算流水号");
  const id = toHalfWidth(raw);
  if (!EXTERNAL_ID.test(id)) return fail(`结算流水号“${shown(raw)}”应为不超过64位的字母、数字（可含 - _ . / #），不能有空格`);
  return { value: id };
}

export type Setting = "inpatient" | "outpatient";

export function checkSetting(raw: string): Check<Setting> {
  const t = raw.toLowerCase();
  if (raw.startsWith("住院") || t === "inpatient") return { value: "inpatient" };
  if (raw.startsWith("门诊") || t === "outpatient") return { value: "outpatient" };
  if (raw === "") return fail("就诊类型为空，请填写 住院 或 门诊");
  return fail(`无法识别的就诊类型“${shown(raw)}”，请填写 住院 或 门诊`);
}

export function checkHospital(raw: string): Check<string> {
  if (raw === "") return fail("医疗机构为空，请填写医疗机构名称");
  if ([...raw].length > 100) return fail("医疗机构名称超过100个字，请核对");
  return { value: raw };
}

const LEVELS: Record<string, 1 | 2 | 3> = { 一: 1, 二: 2, 三: 3, "1": 1, "2": 2, "3": 3 };

export function checkHospitalLevel(raw: string): Check<1 | 2 | 3> {
  const t = toHalfWidth(raw).replace(/\s+/g, "");
  // 一级、二级、三级, 1–3, and the graded forms 三级甲等 / 二级乙等.
  const m = /^([一二三123])(级.*|\.0)?$/.exec(t);
  if (m) return { value: LEVELS[m[1]!]! };
  if (raw === "") return fail("医院等级为空，请填写 一级、二级、三级（或 1、2、3）");
  return fail(`无法识别的医院等级“${shown(raw)}”，请填写 一级、二级、三级（或 1、2、3）`);
}

const YES = new Set(["是", "y", "yes", "true", "1"]);
const NO = new Set(["否", "n", "no", "false", "0"]);

/** 是/否; an empty optional cell is `fallback`, an empty required one an error. */
export function checkYesNo(raw: string, header: string, fallback?: boolean): Check<boolean> {
  const t = raw.toLowerCase();
  if (YES.has(t)) return { value: true };
  if (NO.has(t)) return { value: false };
  if (raw === "") return fallback === undefined ? fail(`${header}为空，请填写 是 或 否`) : { value: fallback };
  return fail(`${header}应填写 是 或 否（现为“${shown(raw)}”）`);
}

const AMOUNT = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

/** Yuan text → fen. Thousands separators and a leading ¥ are accepted; an empty optional cell is null. */
export function checkMoney(raw: string, header: string, required: boolean): Check<Cents | null> {
  if (raw === "") return required ? fail(`${header}为空，请填写金额（元）`) : { value: null };
  const t = toHalfWidth(raw).replace(/^[¥￥]/, "").replace(/,(?=\d{3}(\D|$))/g, "");
  if (/^-/.test(t)) return fail(`${header}不能为负数（现为“${shown(raw)}”）`);
  const m = AMOUNT.exec(t);
  if (!m) {
    if (/^\d+\.\d{3,}$/.test(t)) return fail(`${header}最多两位小数（现为“${shown(raw)}”），请按分位填写`);
    return fail(`${header}“${shown(raw)}”不是金额，请填写数字（元），如 12345.67`);
  }
  const cents = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  if (cents > MAX_INPUT_CENTS) return fail(`${header}超过 1 亿元，请核对`);
  return { value: cents };
}

const EARLIEST = "2000-01-01";

export function checkClaimDate(raw: string, today: string, birthDate: string | null): Check<string> {
  if (raw === "") return fail("结算日期为空，请填写，如 2026-03-15");
  const date = parseRosterDate(raw);
  if (!date) return fail(`结算日期“${shown(raw)}”不是有效日期，请按 2026-03-15 的格式填写`);
  if (date > today) return fail(`结算日期 ${date} 晚于今天（${today}），请核对`);
  if (date < EARLIEST) return fail(`结算日期 ${date} 早于 2000 年，请核对`);
  if (birthDate && date < birthDate) return fail(`结算日期 ${date} 早于出生日期 ${birthDate}，请核对`);
  return { value: date };
}
