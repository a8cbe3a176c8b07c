import "server-only";
import { auditRowCount, chainEntries, firstUnchainedRow } from "@/db/queries/audit-chain";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { GENESIS, verifyEntries, type ChainProblem } from "./domain/audit-chain";

export type AuditVerification = { rows: number; ok: true } | { rows: number; ok: false; firstBad: ChainProblem };

const BATCH = 5000;

/**
 * `audit verify`: walks the hash chain from its first entry, recomputing each
 * row's digest in the database and each link here, then looks for audit rows
 * that have no entry at all (written with the chain trigger switched off).
 * Finds a row altered or removed even by someone who switched the
 * append-only trigger off; the last rows removed together with their chain
 * entries leave no trace in the chain itself, which is why an operator should
 * keep the `rows` figure of each run (docs/cli.md). Reads only.
 */
export async function verifyAuditChain(ctx: UseCaseContext): Promise<AuditVerification> {
  await requirePermission(ctx, "audit.view", { objectType: "audit_chain" });
  let position = { seq: 0, hash: GENESIS };
  for (;;) {
    const entries = await chainEntries(ctx.db, position.seq, BATCH);
    if (entries.length === 0) break;
    const r = verifyEntries(entries, position);
    if (!r.ok) return { rows: await auditRowCount(ctx.db), ok: false, firstBad: r.problem };
    position = { seq: r.seq, hash: r.hash };
  }
  const rows = await auditRowCount(ctx.db);
  const unchained = await firstUnchainedRow(ctx.db);
  if (unchained !== null) return { rows, ok: false, firstBad: { auditId: unchained, seq: null, reason: "the audit row is not in the chain (written while the chain trigger was switched off)" } };
  return { rows, ok: true };
}
