import { ID_PROBLEM_TEXT, idNumberProblem, upgradeIdNumber } from "@/lib/id-number/id-number";
import { TEMPLATE_EXAMPLE } from "./example";
import { toHalfWidth, type Check } from "./check";

// The ID column. Rules and messages are lib/id-number's; this file adds the
// roster-specific cases (scientific notation, 15 digits, the template example)
// and a fast path: a million-row import calls this a million times, and
// idNumberProblem builds Dates and ISO strings per call (~1.9 µs). quickValid
// only ever answers "valid" when idNumberProblem would (a property test checks
// that); any doubt goes to idNumberProblem, which names the problem.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = "10X98765432";
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const EARLIEST_BIRTH = 18900101; // idNumberProblem's lower bound

/** `today` as the number YYYYMMDD in UTC, as idNumberProblem compares it. */
export function ymdNumber(date: Date): number {
  return date.getUTCFullYear() * 10000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}

export function quickValid(id: string, todayYmd: number): boolean {
  if (id.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    sum += digit * WEIGHTS[i]!;
  }
  if (CHECK_CHARS[sum % 11] !== id[17]) return false;
  const province = (id.charCodeAt(0) - 48) * 10 + id.charCodeAt(1) - 48;
  if (province < 11 || province > 82) return false;
  const ymd = Number(id.slice(6, 14));
  const y = Math.floor(ymd / 10000);
  const m = Math.floor(ymd / 100) % 100;
  const d = ymd % 100;
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : DAYS[m - 1]!)) return false;
  return ymd >= EARLIEST_BIRTH && ymd <= todayYmd;
}

const PLAIN = /^\d{17}[\dXx]$/;
const SCIENTIFIC = /^\d(\.\d+)?E\+?\d+$/i;

export function checkIdNumber(raw: string, today: Date, todayYmd = ymdNumber(today)): Check<string> {
  if (raw === "") return { reason: "身份证号为空，请填写18位身份证号" };
  // Spaces between digit groups and a leading apostrophe (Excel's text marker) are not part of the number.
  const id = PLAIN.test(raw) ? raw.toUpperCase() : toHalfWidth(raw).replace(/\s+/g, "").replace(/^'/, "").toUpperCase();
  if (quickValid(id, todayYmd)) {
    return id === TEMPLATE_EXAMPLE.idNumber ? { reason: "这是模板中的示例行，请删除该行后再上传" } : { value: id };
  }
  // Excel shows an 18-digit number as 4.30524E+17 and saves it so in CSV.
  if (SCIENTIFIC.test(raw)) {
    return { reason: "身份证号变成了科学计数法（如 4.30524E+17），末尾数字已丢失。请把该列设为“文本”格式后重新录入" };
  }
  // 15-digit IDs (pre-1999) are rejected, not upgraded: everyone holding one has
  // since been issued an 18-digit number, and it is not always the mechanical
  // conversion (the sequence was changed where it collided). Guessing would
  // create a second person beside the one the tax and insurance systems know;
  // the clerk gets the conversion as a hint to check against the ID card.
  if (/^\d{15}$/.test(id)) {
    const upgraded = upgradeIdNumber(id);
    return {
      reason:
        idNumberProblem(upgraded, today) === null
          ? `这是15位旧身份证号，已停止使用，请改填本人现用的18位身份证号（按国家标准换算为 ${upgraded}，请与身份证核对）`
          : "这是15位旧身份证号，已停止使用，请改填本人现用的18位身份证号",
    };
  }
  const problem = idNumberProblem(id, today);
  if (problem) return { reason: ID_PROBLEM_TEXT[problem] };
  return { value: id }; // not reached while quickValid agrees with idNumberProblem
}

/** Birth date of an ID that passed checkIdNumber, `YYYY-MM-DD`. */
export function birthDateOfValid(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}
