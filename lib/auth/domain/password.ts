import bcrypt from "bcryptjs";

// bcryptjs: a slow salted hash in pure JS (no native build step on a fresh
// machine; ~0.2 s per hash at cost 10 here, docs/development.md).
const COST = 10;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

/** Chinese reason when a new password is too weak, else null. The full policy of the security issue builds on this. */
export function passwordProblem(plain: string, username: string): string | null {
  if (plain.length < 10) return "密码至少 10 位";
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((r) => r.test(plain)).length;
  if (classes < 3) return "密码须包含大写字母、小写字母、数字、符号中的至少三类";
  if (plain.toLowerCase().includes(username.toLowerCase())) return "密码不能包含用户名";
  return null;
}
