import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Role } from "./roles";

// The TOTP second factor's rules (等保 双因素鉴别, docs/security.md), pure:
// who may or must enrol, what a typed code is, and the recovery codes. The
// TOTP arithmetic itself is otplib's (lib/auth/totp.ts), never ours.

/** Roles that may enable a second factor (issue 14: administrators and managers). */
export const SECOND_FACTOR_ROLES: readonly Role[] = ["admin", "manager"];

export const mayUseSecondFactor = (role: Role) => SECOND_FACTOR_ROLES.includes(role);

/**
 * Whether administrators must have a second factor. REQUIRE_ADMIN_TOTP=1 or 0
 * decides; unset, it is required everywhere except on a database holding the
 * demo county, whose accounts and password are published in the README (the
 * demo and the e2e specs sign in as `admin` without a phone).
 */
export function adminSecondFactorRequired(env: Record<string, string | undefined>, holdsDemoCounty: boolean): boolean {
  const raw = env.REQUIRE_ADMIN_TOTP?.trim();
  if (raw === "1" || raw === "true") return true;
  if (raw === "0" || raw === "false") return false;
  if (raw) throw new Error(`REQUIRE_ADMIN_TOTP must be 1 or 0 (got "${raw}")`);
  return !holdsDemoCounty;
}

/** Minutes a password-only session may wait for its code before it ends. */
export const SECOND_FACTOR_WAIT_MS = 10 * 60_000;

export const RECOVERY_CODE_COUNT = 10;
// Crockford-like: no 0/O, 1/I/L, U; 10 characters = 50 bits, shown as xxxxx-xxxxx.
const RECOVERY_ALPHABET = "23456789abcdefghjkmnpqrstvwxyz";
const RECOVERY_LENGTH = 10;

export type TypedCode = { kind: "totp"; code: string } | { kind: "recovery"; code: string } | { kind: "invalid" };

/** What the user typed: six digits (spaces allowed) from the app, or a recovery code (dash and case free). */
export function readCode(raw: unknown): TypedCode {
  if (typeof raw !== "string") return { kind: "invalid" };
  const s = raw.replace(/[\s-]/g, "").toLowerCase();
  if (/^\d{6}$/.test(s)) return { kind: "totp", code: s };
  if (s.length === RECOVERY_LENGTH && [...s].every((c) => RECOVERY_ALPHABET.includes(c))) return { kind: "recovery", code: s };
  return { kind: "invalid" };
}

/** Ten new recovery codes, as shown once to the user ("abcde-fghjk"). */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(RECOVERY_LENGTH);
    // 30 symbols: bytes are taken modulo 30 after dropping values ≥ 240, so every symbol is equally likely.
    let out = "";
    let i = 0;
    let pool = bytes;
    while (out.length < RECOVERY_LENGTH) {
      if (i >= pool.length) {
        pool = randomBytes(RECOVERY_LENGTH);
        i = 0;
      }
      const b = pool[i++]!;
      if (b < 240) out += RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length];
    }
    return `${out.slice(0, 5)}-${out.slice(5)}`;
  });
}

/** What is stored of a recovery code: a salt of its own and SHA-256(salt ‖ code). The codes carry 49 bits of randomness, so a fast hash is enough. */
export function hashRecoveryCode(code: string, salt = randomBytes(16).toString("base64")): { salt: string; codeHash: string } {
  const normal = code.replace(/[\s-]/g, "").toLowerCase();
  return { salt, codeHash: createHash("sha256").update(salt).update(normal).digest("hex") };
}

export function recoveryCodeMatches(code: string, stored: { salt: string; codeHash: string }): boolean {
  const mine = Buffer.from(hashRecoveryCode(code, stored.salt).codeHash, "hex");
  const theirs = Buffer.from(stored.codeHash, "hex");
  return mine.length === theirs.length && timingSafeEqual(mine, theirs);
}

/** The secret for typing by hand: groups of four ("ABCD EFGH …"). */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, "$1 ").trim();
}
