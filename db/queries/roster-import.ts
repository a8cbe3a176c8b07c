import type { BulkTx } from "../bulk";

// The SQL of one roster import, inside one bulk transaction. The open roll is
// read (while the file is parsed), so rows that re-send what it says are counted and never staged;
// the other valid rows are streamed into a temporary table; set-level checks (duplicates in the file,
// removals of people not on the roll) run there; then one plan joins the rows
// to people and the open roll, and a few set-based statements apply it. Nothing is stored unless the caller lets the transaction
// commit. No clear ID number enters any table, staging included: rows carry
// the ID's blind index (joins, duplicates), its sealed form (stored for new
// people) and the sex and birth date read from it, all computed in Node while
// the file is parsed (lib/crypto/id-cipher.ts).

export const STAGING_COLUMNS = ["row_no", "id_hash", "id_sealed", "sex", "birth_date", "name", "category", "change", "division_code", "certified_on", "note", "on_roll", "entry_hash"] as const;

export async function lockDepartmentRoll(tx: BulkTx, department: string): Promise<void> {
  // Two imports for the same department never interleave.
  await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`roster:${department}`]);
}

/**
 * Held from the plan to the commit: imports of different departments parse
 * and check their files at the same time, then register people one after the
 * other, so a plan's "not registered yet" stays true until its insert.
 */
export async function lockPeopleRegistration(tx: BulkTx): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('people:register'))");
}

export async function findSubmission(tx: BulkTx, department: string, month: string, sha256: string) {
  const [row] = await tx.query<{ id: number; rows: number }>(
    "SELECT id, rows FROM roster_submissions WHERE department = $1 AND month = $2 AND file_sha256 = $3",
    [department, month, sha256],
  );
  return row ?? null;
}

/**
 * The department's open roll as its entries say it, from the roll alone (no
 * join with people): per entry the person's blind-index prefix (person_key)
 * and the entry's hash of category, village and name (entry_hash,
 * lib/rosters/domain/open-roll-index.ts), as two bigints packed by the server
 * into a few large bytea values (int8send: 8 bytes big-endian each, 16 an
 * entry), sixteen groups by the key's low bits, fetched one at a time from a
 * cursor and decoded here into numbers. Why not COPY … TO in binary, as this
 * read was before: PostgreSQL sends COPY's data one message per row, and
 * postgres.js makes a Buffer of each and passes it through a stream, so a
 * 450,000-entry roll cost 450,000 Buffers and stream reads, most of them
 * queued while the parser held the thread, surviving into the old
 * generation (a month-2 run's heap grew by 60 MB between collections); here
 * it is sixteen values. `onEntry` gets person_key as its two 32-bit words and
 * entry_hash. Entries without a hash (written before it existed, or whose
 * register changed since) are counted but not passed on: their rows go the
 * full way. Returns how many entries are open, hashed or not.
 */
export async function readOpenRoll(tx: BulkTx, department: string, onEntry: (first: number, second: number, hash: number) => void): Promise<number> {
  // An entry without a key or hash comes as (0, -1): entry_hash is never negative.
  await tx.query(
    `DECLARE open_roll NO SCROLL CURSOR FOR
     SELECT string_agg(int8send(coalesce(person_key, 0)) || int8send(CASE WHEN person_key IS NULL THEN -1 ELSE coalesce(entry_hash, -1) END), ''::bytea) AS entries
     FROM department_memberships WHERE department = $1 AND to_date IS NULL
     GROUP BY coalesce(person_key, 0) & 15`,
    [department],
  );
  let open = 0;
  for (;;) {
    const [group] = await tx.query<{ entries: Uint8Array }>("FETCH 1 FROM open_roll");
    if (!group) break;
    const bytes = group.entries;
    if (bytes.byteLength % 16 !== 0) throw new Error("readOpenRoll: an entry cut short");
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = 0; at < bytes.byteLength; at += 16) {
      open++;
      const hashHigh = view.getInt32(at + 8);
      if (hashHigh >= 0) onEntry(view.getUint32(at), view.getUint32(at + 4), hashHigh * 4294967296 + view.getUint32(at + 12));
    }
  }
  await tx.query("CLOSE open_roll");
  return open;
}

export async function createStaging(tx: BulkTx): Promise<void> {
  await tx.query(`CREATE TEMP TABLE roster_staging (
    row_no int NOT NULL, id_hash varchar(64) NOT NULL, id_sealed text NOT NULL, sex text NOT NULL, birth_date date NOT NULL, name text NOT NULL, category text NOT NULL,
    change text NOT NULL, division_code varchar(12) NOT NULL, certified_on date NOT NULL, note text, on_roll boolean NOT NULL, entry_hash bigint NOT NULL
  ) ON COMMIT DROP`);
}

/**
 * Statistics for the planner once the file is staged: a temporary table has
 * none until analysed, and the checks below then hash rather than sort (the
 * duplicate check measured 1.3 s without, 0.6 s with, for 1,000,000 rows).
 */
export async function analyzeStaging(tx: BulkTx): Promise<void> {
  await tx.query("ANALYZE roster_staging");
}

/** Rows whose ID appeared earlier in the file, with that earlier row. */
export async function duplicateRows(tx: BulkTx, limit: number) {
  // A hash aggregate finds the repeated IDs (few or none) without sorting the file.
  return tx.query<{ row_no: number; first_row: number }>(
    `SELECT s.row_no, d.first_row
     FROM roster_staging s
     JOIN (SELECT id_hash, min(row_no) AS first_row FROM roster_staging GROUP BY id_hash HAVING count(*) > 1) d USING (id_hash)
     WHERE s.row_no <> d.first_row ORDER BY s.row_no LIMIT $1`,
    [limit],
  );
}

/**
 * 减少 rows of people not on this department's roll (and not already removed
 * this month). Rows whose person the import found on the open roll (on_roll)
 * pass without a lookup: in a steady month that is nearly every 减少, and the
 * lookup of all of them cost 0.8 s of a 7.8 s import.
 */
export async function removalsNotOnRoll(tx: BulkTx, department: string, prevDay: string, limit: number) {
  return tx.query<{ row_no: number }>(
    `SELECT s.row_no FROM roster_staging s
     WHERE s.change = 'removed' AND NOT s.on_roll AND NOT EXISTS (
       SELECT 1 FROM people p JOIN department_memberships m ON m.person_id = p.id AND m.department = $1
       WHERE p.id_hash = s.id_hash AND (m.to_date IS NULL OR m.to_date = $2::date)
     ) ORDER BY s.row_no LIMIT $3`,
    [department, prevDay, limit],
  );
}

export async function insertSubmission(
  tx: BulkTx,
  s: { department: string; month: string; fileName: string; sha256: string; rows: number; submittedBy: string | null },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO roster_submissions (department, month, file_name, file_sha256, rows, added, removed, unchanged, submitted_by)
     VALUES ($1, $2, $3, $4, $5, 0, 0, 0, $6) RETURNING id`,
    [s.department, s.month, s.fileName, s.sha256, s.rows, s.submittedBy],
  );
  return row!.id;
}

/**
 * Each staged row with the person it names and that person's open entry on
 * the department's roll: one pass over people that every later statement of
 * the import reads. People not registered yet get their id here (in blind-index
 * order, so both of people's unique indexes are then appended to in order),
 * which spares the roll a second lookup by ID number. The plan also says
 * where a row's name or village differs from the register: such a file is
 * refused (registerConflicts), never applied to the register.
 */
export async function planRows(tx: BulkTx, department: string, opts: { few: boolean }): Promise<void> {
  // A steady month stages a few rows of a large register: looked up by the blind index's
  // index, not by hashing the whole register (the default random_page_cost planned a seq
  // scan of people for 2,000 rows of 193,000). For the rest of this transaction only.
  if (opts.few) await tx.query("SET LOCAL random_page_cost = 1.1");
  await tx.query(
    `CREATE TEMP TABLE roster_plan ON COMMIT DROP AS
     SELECT x.*, coalesce(x.known_id, portal_uuid7()) AS person_id
     FROM (SELECT s.row_no, s.id_hash, s.id_sealed, s.sex, s.birth_date, s.name, s.division_code, s.change, s.category, s.certified_on, s.entry_hash,
                  p.id AS known_id, p.name AS register_name,
                  p.name <> s.name AS name_differs,
                  s.change <> 'removed' AND p.division_code <> s.division_code AS village_differs,
                  m.id AS open_id, m.category AS open_category, m.entry_hash AS open_hash
           FROM roster_staging s
           LEFT JOIN people p ON p.id_hash = s.id_hash
           LEFT JOIN department_memberships m ON m.person_id = p.id AND m.department = $1 AND m.to_date IS NULL
           ORDER BY s.id_hash
           OFFSET 0) x`,
    [department],
  );
}

/**
 * Rows naming a registered person under another name, or (for 新增/在册) in
 * another village. A removal may come from a person who moved away, so only
 * its name is compared.
 */
export async function registerConflicts(tx: BulkTx, limit: number) {
  return tx.query<{ row_no: number; register_name: string; name_differs: boolean; village_differs: boolean }>(
    `SELECT row_no, register_name, name_differs, village_differs FROM roster_plan
     WHERE known_id IS NOT NULL AND (name_differs OR village_differs) ORDER BY row_no LIMIT $1`,
    [limit],
  );
}

/**
 * New people are registered with the name and village of the row that first
 * names them. Known people are never changed by a roster: a department
 * certifies a category, not identity data, and a difference is refused
 * before this runs (registerConflicts); the register is corrected by 医保
 * (lib/people/correct-person-register.ts), audited per person. No ON CONFLICT
 * (it cost 1.2 s of 7 s for 940,000 people): the plan is exact under
 * lockPeopleRegistration, and roster imports are the only path that
 * registers people.
 */
export async function registerPeople(tx: BulkTx): Promise<void> {
  await tx.query(`
    INSERT INTO people (id, id_hash, id_sealed, name, sex, birth_date, division_code)
    SELECT person_id, id_hash, id_sealed, name, sex, birth_date, division_code
    FROM roster_plan WHERE known_id IS NULL`);
}

export type RollChanges = { added: number; removed: number; unchanged: number };

/**
 * Applies the planned rows to the department's roll: 减少 closes the open entry
 * the day before the month; 新增/在册 opens an entry from the month's first day
 * unless the same category is already open (unchanged); a different category
 * closes the old entry and opens the new one (counted as added). Rows the
 * import found unchanged without staging them (lib/rosters/domain/open-roll-index.ts)
 * are added to the unchanged count.
 */
export async function applyToRoll(
  tx: BulkTx,
  a: { department: string; monthStart: string; prevDay: string; submissionId: number; unchangedUnstaged: number },
): Promise<RollChanges> {
  await tx.query(
    `UPDATE department_memberships m SET to_date = $1::date, closed_by = $2
     FROM roster_plan r WHERE m.id = r.open_id AND (r.change = 'removed' OR r.open_category <> r.category)`,
    [a.prevDay, a.submissionId],
  );
  // An unchanged entry whose hash is missing or stale (written before there was one, or the register
  // changed since and now agrees with the row): the row is the register's, so its hash is the entry's.
  await tx.query(
    `UPDATE department_memberships m SET person_key = ('x' || left(r.id_hash, 16))::bit(64)::bigint, entry_hash = r.entry_hash
     FROM roster_plan r
     WHERE m.id = r.open_id AND r.change <> 'removed' AND r.open_category = r.category AND r.open_hash IS DISTINCT FROM r.entry_hash`,
  );
  // By person: the roll's index on person_id is then appended to rather than written at random.
  await tx.query(
    `INSERT INTO department_memberships (person_id, department, category, certified_on, from_date, opened_by, person_key, entry_hash)
     SELECT person_id, $1, category, certified_on, $2::date, $3, ('x' || left(id_hash, 16))::bit(64)::bigint, entry_hash
     FROM roster_plan
     WHERE change <> 'removed' AND (open_id IS NULL OR open_category <> category)
     ORDER BY person_id`,
    [a.department, a.monthStart, a.submissionId],
  );
  const [c] = await tx.query<{ added: number; removed: number; unchanged: number }>(`
    SELECT count(*) FILTER (WHERE change <> 'removed' AND (open_id IS NULL OR open_category <> category))::int AS added,
           count(*) FILTER (WHERE change = 'removed' AND open_id IS NOT NULL)::int AS removed,
           count(*) FILTER (WHERE (change <> 'removed' AND open_id IS NOT NULL AND open_category = category)
                               OR (change = 'removed' AND open_id IS NULL))::int AS unchanged
    FROM roster_plan`);
  const changes = { ...c!, unchanged: c!.unchanged + a.unchangedUnstaged };
  await tx.query("UPDATE roster_submissions SET added = $1, removed = $2, unchanged = $3 WHERE id = $4", [
    changes.added, changes.removed, changes.unchanged, a.submissionId,
  ]);
  return changes;
}
