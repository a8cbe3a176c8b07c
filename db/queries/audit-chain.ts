import { sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import type { ChainEntry } from "@/lib/audit/domain/audit-chain";

// Reading the audit chain back for `audit verify`: entries in sequence order
// with the digest of their row, recomputed now by the same SQL function the
// trigger used (null when the row no longer exists).

export async function chainEntries(db: Db | Tx, afterSeq: number, limit: number): Promise<ChainEntry[]> {
  const rows = await db.execute(sql`
    SELECT c.seq, c.audit_id, c.hash,
           CASE WHEN a.id IS NULL THEN NULL ELSE encode(sha256(convert_to(audit_row_text(a), 'UTF8')), 'hex') END AS digest
    FROM audit_chain c LEFT JOIN audit_log a ON a.id = c.audit_id
    WHERE c.seq > ${afterSeq}
    ORDER BY c.seq
    LIMIT ${limit}`);
  return rowsOf(rows).map((r) => ({ seq: Number(r.seq), auditId: Number(r.audit_id), hash: String(r.hash), digest: r.digest === null ? null : String(r.digest) }));
}

/** The first audit row (by id) that has no chain entry: written while the chain trigger was switched off. */
export async function firstUnchainedRow(db: Db | Tx): Promise<number | null> {
  const rows = rowsOf(await db.execute(sql`SELECT a.id FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.audit_id = a.id) ORDER BY a.id LIMIT 1`));
  return rows[0] ? Number(rows[0].id) : null;
}

export async function auditRowCount(db: Db | Tx): Promise<number> {
  const rows = rowsOf(await db.execute(sql`SELECT count(*)::bigint AS n FROM audit_log`));
  return Number(rows[0]?.n ?? 0);
}

// postgres.js returns the rows as an array; PGlite as { rows }.
function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  return ((result as { rows?: Record<string, unknown>[] }).rows ?? []) as Record<string, unknown>[];
}
