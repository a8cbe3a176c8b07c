import type { BulkTx } from "../bulk";

// The SQL of one enrolment import (参保缴费数据), inside one bulk transaction:
// clean rows are staged in a temporary table, file-wide checks run there, then
// the enrolments of people the portal knows (within the importer's
// jurisdiction) are stored. Nothing is kept unless the caller commits. Rows
// are staged and joined by the ID's blind index (lib/crypto), never the clear ID.

export const ENROLMENT_STAGING_COLUMNS = ["row_no", "id_hash", "name", "year", "tier", "contribution", "tier1", "paid_on", "fee_exempt"] as const;

/** Imports, subsidy runs and worklist runs never interleave. */
export async function lockEnrolment(tx: BulkTx): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('enrolment'))");
}

export async function findImportBySha(tx: BulkTx, sha256: string) {
  const [row] = await tx.query<{ id: number; year: number; rows: number }>(
    "SELECT id, year, rows FROM enrolment_imports WHERE file_sha256 = $1 ORDER BY id LIMIT 1",
    [sha256],
  );
  return row ?? null;
}

export async function createEnrolmentStaging(tx: BulkTx): Promise<void> {
  await tx.query(`CREATE TEMP TABLE enrolment_staging (
    row_no int NOT NULL, id_hash varchar(64) NOT NULL, name text NOT NULL, year int NOT NULL, tier smallint NOT NULL,
    contribution numeric(14,2) NOT NULL, tier1 numeric(14,2) NOT NULL, paid_on date NOT NULL, fee_exempt text NOT NULL
  ) ON COMMIT DROP`);
  // The subsidy run looks up each enrolment's tier-1 standard here by ID.
  await tx.query("CREATE INDEX ON enrolment_staging (id_hash)");
}

/** Rows whose ID appeared earlier in the file, with that earlier row. */
export async function duplicateEnrolmentRows(tx: BulkTx, limit: number) {
  return tx.query<{ row_no: number; first_row: number }>(
    `SELECT row_no, first_row FROM (
       SELECT row_no, min(row_no) OVER (PARTITION BY id_hash) AS first_row FROM enrolment_staging
     ) s WHERE row_no <> first_row ORDER BY row_no LIMIT $1`,
    [limit],
  );
}

/** Rows naming a person the portal knows under another name: usually a mistyped ID. */
export async function nameMismatchRows(tx: BulkTx, scopePrefix: string, limit: number) {
  return tx.query<{ row_no: number }>(
    `SELECT s.row_no FROM enrolment_staging s JOIN people p ON p.id_hash = s.id_hash
     WHERE p.division_code LIKE $1 || '%' AND p.name <> s.name ORDER BY s.row_no LIMIT $2`,
    [scopePrefix, limit],
  );
}

export async function insertEnrolmentImport(
  tx: BulkTx,
  i: { year: number; fileName: string; sha256: string; rows: number; tier1: string; importedBy: string | null },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    "INSERT INTO enrolment_imports (year, file_name, file_sha256, rows, tier1, imported_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    [i.year, i.fileName, i.sha256, i.rows, i.tier1, i.importedBy],
  );
  return row!.id;
}

export type EnrolmentChanges = { enrolled: number; alreadyEnrolled: number; notKnown: number };

/**
 * Stores one enrolment per known person and year. A person already enrolled
 * for the year keeps the first record (the subsidy was fixed on it); people
 * the portal does not know (not on any roll here) are not stored.
 */
export async function insertEnrolments(tx: BulkTx, a: { importId: number; scopePrefix: string }): Promise<EnrolmentChanges> {
  await tx.query(
    `CREATE TEMP TABLE enrolment_plan ON COMMIT DROP AS
     SELECT s.*, p.id AS person_id, e.id AS existing_id
     FROM enrolment_staging s
     LEFT JOIN people p ON p.id_hash = s.id_hash AND p.division_code LIKE $1 || '%'
     LEFT JOIN enrolments e ON e.person_id = p.id AND e.year = s.year`,
    [a.scopePrefix],
  );
  await tx.query(
    `INSERT INTO enrolments (person_id, year, tier, contribution, paid_on, fee_exempt, import_id)
     SELECT person_id, year, tier, contribution, paid_on, fee_exempt, $1 FROM enrolment_plan
     WHERE person_id IS NOT NULL AND existing_id IS NULL`,
    [a.importId],
  );
  const [c] = await tx.query<EnrolmentChanges>(`
    SELECT count(*) FILTER (WHERE person_id IS NOT NULL AND existing_id IS NULL)::int AS "enrolled",
           count(*) FILTER (WHERE existing_id IS NOT NULL)::int AS "alreadyEnrolled",
           count(*) FILTER (WHERE person_id IS NULL)::int AS "notKnown"
    FROM enrolment_plan`);
  return c!;
}

/** Open 未参保 cases of people now enrolled for that year are closed as 已参保 (销号). */
export async function closeEnrolledCases(tx: BulkTx, a: { year: number; scopePrefix: string; closedBy: string | null; note: string }): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    // The 销号 goes into the case's history in the same statement.
    `WITH closed AS (
       UPDATE unenrolled_cases c SET status = 'closed', reason = 'enrolled', note = $3, closed_by = $4, closed_at = now()
       WHERE c.year = $1 AND c.status = 'open' AND c.township_code LIKE $2 || '%'
         AND EXISTS (SELECT 1 FROM enrolments e WHERE e.person_id = c.person_id AND e.year = c.year)
       RETURNING c.id)
     INSERT INTO unenrolled_case_events (case_id, kind, reason, note, actor_id)
     SELECT id, 'closed', 'enrolled', $3, $4::uuid FROM closed
     RETURNING case_id AS id`,
    [a.year, a.scopePrefix, a.note, a.closedBy],
  );
  return rows.length;
}
