import { isValidIdNumber } from "@/lib/id-number/id-number";
import list from "./common-passwords.json";

// The password policy (等保 2.0 level 3, GB/T 22239-2019 §8.1.4.1 a: 口令具有
// 复杂度要求并定期更换) in one pure module: what a new password must be, how
// old one may grow, and bcrypt's byte limit. The use cases
// (lib/users/create-user.ts, reset-password.ts, lib/auth/change-own-password.ts)
// add what needs the database: the last five passwords. Every message is
// Chinese and names what is wrong, so the person knows what to change.

export const PASSWORD_MIN_LENGTH = 10;
/** bcrypt hashes only the first 72 bytes (UTF-8): a longer password would sign in with any tail. */
export const PASSWORD_MAX_BYTES = 72;
export const PASSWORD_HISTORY_DEPTH = 5;
/** After the well-known parts are taken out, at least this many characters must be left that nothing predicts. */
const MIN_UNPREDICTABLE = 4;

export type PasswordContext = {
  username: string;
  /** The person's name as the account shows it (姓名). */
  displayName?: string;
};

export const utf8Bytes = (plain: string) => new TextEncoder().encode(plain).length;

/** Every reason the password is refused, in Chinese; empty when it meets the policy. */
export function passwordProblems(plain: string, who: PasswordContext): string[] {
  const problems: string[] = [];
  const length = [...plain].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`密码至少 ${PASSWORD_MIN_LENGTH} 位（现为 ${length} 位）`);
  const bytes = utf8Bytes(plain);
  if (bytes > PASSWORD_MAX_BYTES)
    problems.push(`密码不能超过 ${PASSWORD_MAX_BYTES} 字节（现为 ${bytes} 字节，一个汉字占 3 字节）：超出部分不参与校验，请缩短`);
  const missing = missingClasses(plain);
  if (missing.length > 1) problems.push(`密码须包含大写字母、小写字母、数字、符号中的至少三类（缺少：${missing.join("、")}）`);
  const lower = plain.toLowerCase();
  const userPart = usernameParts(who.username).find((p) => lower.includes(p));
  if (userPart) problems.push(userPart === who.username.toLowerCase() ? "密码不能包含用户名" : `密码不能包含用户名中的“${userPart}”`);
  if (containsName(lower, who.displayName)) problems.push("密码不能包含本人姓名");
  if (containsIdNumber(plain)) problems.push("密码不能包含身份证号码");
  if (problems.length === 0 && isPredictable(plain))
    problems.push("密码过于常见或有规律（常用密码或单词、键盘连续键、连续或重复字符、年份日期），容易被猜中，请换一个");
  return problems;
}

/** The problems joined into one message for a form field, or null. */
export function passwordProblem(plain: string, who: PasswordContext): string | null {
  const problems = passwordProblems(plain, who);
  return problems.length ? problems.join("；") : null;
}

/** bcrypt would truncate it: refused at creation and never signed in with (lib/auth/domain/password.ts). */
export const exceedsBcryptLimit = (plain: string) => utf8Bytes(plain) > PASSWORD_MAX_BYTES;

function missingClasses(plain: string): string[] {
  const classes: [string, RegExp][] = [
    ["大写字母", /[A-Z]/],
    ["小写字母", /[a-z]/],
    ["数字", /\d/],
    ["符号", /[^A-Za-z\d]/],
  ];
  return classes.filter(([, re]) => !re.test(plain)).map(([name]) => name);
}

/** The username, and its dot/underscore/hyphen parts of four or more characters ("yibao.clerk" → yibao, clerk). */
function usernameParts(username: string): string[] {
  const u = username.trim().toLowerCase();
  if (u.length < 3) return [];
  return [u, ...u.split(/[._-]+/).filter((p) => p.length >= 4 && p !== u)];
}

function containsName(lower: string, displayName: string | undefined): boolean {
  if (!displayName) return false;
  // "李海林（乡村振兴）": the name without the bracketed note, and without spaces for Latin names.
  const name = displayName.replace(/[（(].*?[)）]/g, "").replace(/\s+/g, "").toLowerCase();
  return [...name].length >= 2 && lower.replace(/\s+/g, "").includes(name);
}

/** A run of digits that is, or holds, a resident ID number (18 with a valid check character, or an old 15-digit one). */
function containsIdNumber(plain: string): boolean {
  for (const run of plain.match(/\d{14,}[\dXx]/g) ?? []) {
    if (/^\d{15}$/.test(run)) return true;
    for (let i = 0; i + 18 <= run.length; i++) if (isValidIdNumber(run.slice(i, i + 18).toUpperCase())) return true;
  }
  return false;
}

const WORDS: readonly string[] = [...list.words].sort((a, b) => b.length - a.length);
const EXACT = new Set(list.exact);

const LEET: Record<string, string> = { "@": "a", "4": "a", "3": "e", "1": "i", "!": "i", "0": "o", $: "s", "5": "s", "7": "t", "+": "t" };
const unleet = (s: string) => s.replace(/[@43!10$57+]/g, (c) => LEET[c]!);

// Keyboard rows and columns (and their reverses are checked too): "qwerty", "asdf", "1qaz2wsx", "zaq1xsw2".
const KEYBOARD = [
  "`1234567890-=",
  "qwertyuiop[]\\",
  "asdfghjkl;'",
  "zxcvbnm,./",
  "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/",
  "zaq1xsw2cde3vfr4bgt5nhy6mju7,ki8.lo9/;p0",
  "qazwsxedcrfvtgbyhnujmik,ol.p;/",
  "abcdefghijklmnopqrstuvwxyz",
];
const RUNS = [...KEYBOARD, ...KEYBOARD.map((k) => [...k].reverse().join(""))];

/** Well-known: on the shipped list, or made of one listed word, keyboard runs, sequences, repeats, years and dates with fewer than four characters besides. */
export function isPredictable(plain: string): boolean {
  const lower = plain.toLowerCase();
  if (EXACT.has(lower) || EXACT.has(unleet(lower))) return true;
  let rest = stripPatterns(withoutOneWord(lower));
  rest = stripPatterns(withoutOneWord(unleet(rest)));
  return [...rest].length < MIN_UNPREDICTABLE;
}

function withoutOneWord(s: string): string {
  const word = WORDS.find((w) => w.length >= 3 && s.includes(w));
  return word ? s.replace(word, "") : s;
}

function stripPatterns(input: string): string {
  let s = input;
  for (;;) {
    const before = s;
    s = s
      .replace(/(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])/g, "") // dates 20261207
      .replace(/5201314|1314|520/g, "") // 我爱你一生一世
      .replace(/(?:19|20)\d\d/g, ""); // years
    s = stripRuns(s);
    s = s.replace(/(.)\1{2,}/g, "").replace(/(.{2,4})\1+/g, ""); // aaa, 1212, abcabc
    if (s === before) return s;
  }
}

/** Removes every stretch of 4+ characters that runs along a keyboard row or column, or 3+ along the alphabet or the digits. */
function stripRuns(s: string): string {
  let out = "";
  let i = 0;
  while (i < s.length) {
    let best = 0;
    for (const run of RUNS) {
      const minimum = run.includes("abcdef") || run.includes("fedcba") || run.startsWith("`") || run.endsWith("`") ? 3 : 4;
      let len = 0;
      while (i + len < s.length && run.includes(s.slice(i, i + len + 1))) len++;
      if (len >= minimum && len > best) best = len;
    }
    if (best > 0) i += best;
    else out += s[i++];
  }
  return out;
}

/** How old a password may grow before the next sign-in must change it (PASSWORD_MAX_AGE_DAYS, default 90). */
export function passwordMaxAgeDays(env: Record<string, string | undefined>): number {
  const raw = env.PASSWORD_MAX_AGE_DAYS;
  if (raw === undefined || raw === "") return 90;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`PASSWORD_MAX_AGE_DAYS must be a positive whole number of days (got "${raw}")`);
  return n;
}

/** Why the user must change their password before anything else, or null. */
export type PasswordChangeReason = "initial" | "expired";

export function passwordChangeDue(
  user: { mustChangePassword: boolean; passwordChangedAt: Date },
  now: Date,
  maxAgeDays: number,
): PasswordChangeReason | null {
  if (user.mustChangePassword) return "initial";
  return now.getTime() - user.passwordChangedAt.getTime() >= maxAgeDays * 86_400_000 ? "expired" : null;
}
