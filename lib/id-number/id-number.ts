// Resident ID numbers (公民身份号码), GB 11643-1999: 6-digit division code of
// the place of first registration, 8-digit birth date, 3-digit sequence (odd =
// male), and a check character over the first 17 (ISO 7064 MOD 11-2).

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";

export type IdProblem = "format" | "division" | "birthDate" | "checkChar";

/** Chinese reasons for roster error reports and forms. */
export const ID_PROBLEM_TEXT: Record<IdProblem, string> = {
  format: "应为18位，前17位为数字，末位为数字或X",
  division: "前6位地址码无效",
  birthDate: "出生日期无效",
  checkChar: "校验码错误",
};

export function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Upper-cases a trailing x and trims; does not validate. */
export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

/**
 * Returns the first problem of an 18-character ID, or null when it is valid.
 * `today` bounds the birth date (nobody is born in the future); the province
 * part of the division code must be a real province-level code (11–82).
 */
export function idNumberProblem(id: string, today = new Date()): IdProblem | null {
  if (!/^\d{17}[\dX]$/.test(id)) return "format";
  const province = Number(id.slice(0, 2));
  if (province < 11 || province > 82) return "division";
  const birth = birthDateOf(id);
  if (!birth) return "birthDate";
  const todayIso = today.toISOString().slice(0, 10);
  if (birth > todayIso || birth < "1890-01-01") return "birthDate";
  if (checkChar(id.slice(0, 17)) !== id[17]) return "checkChar";
  return null;
}

export function isValidIdNumber(id: string): boolean {
  return idNumberProblem(id) === null;
}

/** `YYYY-MM-DD`, or null when the 8 digits are not a calendar date. */
export function birthDateOf(id: string): string | null {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

export function sexOf(id: string): "male" | "female" {
  return Number(id[16]) % 2 === 1 ? "male" : "female";
}

/** Converts a 15-digit ID (pre-1999, year without century) to 18 digits. */
export function upgradeIdNumber(id15: string): string {
  if (!/^\d{15}$/.test(id15)) throw new Error("not a 15-digit ID number");
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + checkChar(first17);
}

/**
 * `1962年` from `1962-03-05`: what may stand beside a masked ID. The masked
 * digits are the birth date, so a full birth date next to it rebuilds the number.
 */
export function birthYearOf(birthDate: string): string {
  return `${birthDate.slice(0, 4)}年`;
}

// The display mask lives in the privacy module (one implementation); kept
// importable from here for the many lists that already use it.
export { maskIdNumber } from "@/lib/privacy/domain/mask-id-number";
