import bcrypt from "bcryptjs";
import { exceedsBcryptLimit } from "./password-policy";

// bcryptjs: a slow salted hash in pure JS (no native build step on a fresh
// machine; ~0.2 s per hash at cost 10 here, docs/development.md).
const COST = 10;

export async function hashPassword(plain: string): Promise<string> {
  // The policy refuses these with a message first (password-policy.ts); this is the last guard.
  if (exceedsBcryptLimit(plain)) throw new Error("password over bcrypt's 72 bytes");
  return bcrypt.hash(plain, COST);
}

/**
 * bcrypt compares only the first 72 bytes (UTF-8), so a longer password would
 * match whatever followed them. No stored password is longer (the policy
 * refuses them at creation and change), so a longer one never signs in.
 */
export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  if (exceedsBcryptLimit(plain)) return Promise.resolve(false);
  return bcrypt.compare(plain, hash);
}
