import { createHash } from "node:crypto";

// The audit log's hash chain, as migration 0012's trigger writes it: entry n
// holds sha256("<hash n−1>:<n>:<digest of row n>") in hex, with 64 zeros
// before the first. The row digest (sha256 of the row's canonical text) is
// computed by the database with the same function the trigger used, so the
// definition of a row's text lives in one place (audit_row_text).

export const GENESIS = "0".repeat(64);

export function chainHash(previous: string, seq: number, digest: string): string {
  return createHash("sha256").update(`${previous}:${seq}:${digest}`, "utf8").digest("hex");
}

/** One chain entry as read back: its audit row's digest, or null when that row is gone. */
export type ChainEntry = { seq: number; auditId: number; hash: string; digest: string | null };

export type ChainProblem = { auditId: number; seq: number | null; reason: string };

/**
 * Checks entries in sequence order, continuing from `previous` (the last
 * verified hash and seq). Returns the first problem, or the new position.
 */
export function verifyEntries(
  entries: readonly ChainEntry[],
  previous: { seq: number; hash: string },
): { ok: true; seq: number; hash: string } | { ok: false; problem: ChainProblem } {
  let { seq, hash } = previous;
  for (const e of entries) {
    if (e.seq !== seq + 1) {
      return { ok: false, problem: { auditId: e.auditId, seq: seq + 1, reason: `chain entry ${seq + 1} is missing (the next is ${e.seq}): rows were removed from the chain` } };
    }
    if (e.digest === null) return { ok: false, problem: { auditId: e.auditId, seq: e.seq, reason: "the audit row was removed" } };
    if (chainHash(hash, e.seq, e.digest) !== e.hash) {
      return { ok: false, problem: { auditId: e.auditId, seq: e.seq, reason: "the audit row was altered (its hash does not match the chain)" } };
    }
    seq = e.seq;
    hash = e.hash;
  }
  return { ok: true, seq, hash };
}
