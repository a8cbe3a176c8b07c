import "server-only";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { bulkTransaction, type CopyWriter } from "@/db/bulk";
import { listCurrentDivisions } from "@/db/queries/divisions";
import { insertAuditRaw } from "@/db/queries/audit-raw";
import * as q from "@/db/queries/roster-import";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { accountId } from "@/lib/auth/domain/actor";
import type { RosterDepartment } from "@/lib/departments/departments";
import { wordsHex } from "@/lib/crypto/blind-index";
import { idCrypto } from "@/lib/crypto/data-keys";
import { scopePrefix } from "@/lib/divisions/domain/division-code";
import { birthDateOf, sexOf } from "@/lib/id-number/id-number";
import { ValidationError } from "@/lib/errors/app-error";
import { monthBounds } from "./domain/month";
import { entryHash, OpenRollIndex } from "./domain/open-roll-index";
import { maskName } from "@/lib/people/domain/mask-name";
import { duplicateIdError, notOnRollError, registerNameConflict, registerVillageConflict, RosterFileError, type RosterRowError } from "./domain/errors";
import { checkXlsxFile } from "@/lib/tabular-import/check-xlsx-file";
import { readRosterFile } from "./read-roster";
import { validateRosterRow, type RosterEntry, type RosterValidationContext } from "./domain/validate-row";

export type ImportRosterInput = {
  department: RosterDepartment;
  month: string;
  /** The uploaded file, on disk (uploads are written to a temporary file first). */
  path: string;
  fileName: string;
  onProgress?: (fraction: number) => void;
};

export type ImportRosterResult = {
  accepted: number;
  added: number;
  removed: number;
  unchanged: number;
  rejected: RosterRowError[];
  /** The same file was already accepted for this department and month: nothing stored. */
  alreadyImported: boolean;
  /** More problems than listed (the list stops at MAX_ERRORS). */
  truncated: boolean;
};

export const MAX_ERRORS = 10_000;

/**
 * Checked rows held while the open roll is still being read. Each costs
 * about 800 bytes (its cells keep their parsed text alive): 200,000 raised
 * a month-2 run's peak RSS from 228 to 386 MB, and 50,000 took the two-month
 * bench to 411 MB, against a 400 MB target. Past this many the parser waits
 * for the roll: the overlap is then the first FETCH (where PostgreSQL builds
 * its hash of the roll), not the whole read.
 */
const MAX_PENDING = 20_000;

class Rejected extends Error {
  constructor(readonly errors: RosterRowError[], readonly truncated: boolean) {
    super("rejected");
  }
}

/**
 * Imports one department's monthly roster, all or nothing: every row is
 * validated (and every problem reported at once, by row and column), rows are
 * streamed into a staging table so memory stays flat for a million rows, and
 * the roll changes only when the whole file is clean. The same file again
 * for the same department and month stores nothing new.
 */
export async function importRoster(ctx: UseCaseContext, input: ImportRosterInput): Promise<ImportRosterResult> {
  await requirePermission(ctx, "rosters.upload", { objectType: "roster", objectId: `${input.department} ${input.month}` });
  // No exception for anyone: the command line acts as the department it names (cli/cli-actor.ts).
  if (ctx.actor.user.department !== input.department)
    throw new ValidationError("department", "只能报送本部门的名单");
  const { monthStart, prevDay } = monthBounds(input.month);
  const known = new Set((await listCurrentDivisions(ctx.db, { scopePrefix: scopePrefix(ctx.actor.user.jurisdiction) })).map((d) => d.code));
  const vctx: RosterValidationContext = {
    department: input.department,
    jurisdiction: ctx.actor.user.jurisdiction,
    isKnownDivision: (code) => known.has(code),
    month: input.month,
  };

  try {
    // An .xlsx that would unpack past the limits is refused before the lock (tabular-import/xlsx-limits.ts).
    await checkXlsxFile(input.path);
    return await bulkTransaction(ctx.db, async (tx) => {
      await q.lockDepartmentRoll(tx, input.department);

      // Rows that re-send what the open roll says are counted here and never
      // staged: a steady month's work is then what changed (open-roll-index.ts).
      const roll = new OpenRollIndex();
      /** Entries open on the roll (with or without a hash), known once the roll is read. */
      let onRoll = 0;
      let unchangedUnstaged = 0;
      /** Staged rows of people on the roll, with their entry's slot: a repeat of a row matched above is a duplicate. */
      const stagedOnRoll: number[] = [];

      await q.createStaging(tx);
      const errors: RosterRowError[] = [];
      let truncated = false;
      const note = (e: RosterRowError) => (errors.length < MAX_ERRORS ? errors.push(e) : (truncated = true));
      let rows = 0;
      const ids = idCrypto();
      const file = await readRosterFile({ path: input.path });

      // The open roll is read while the file is parsed: PostgreSQL reads the
      // roll's keys and entry hashes on one core while Node parses and checks
      // rows on the other (reading it first, joined to the register, measured
      // 1.2–4.5 s of civil affairs' month-2 import, alone). Rows checked before the roll is complete wait
      // in `pending`, in file order, at most MAX_PENDING of them (memory).
      let rollDone = false;
      const rollRead = q
        .readOpenRoll(tx, input.department, (first, second, hash) => roll.addWords(first, second, hash))
        .then((n) => {
          onRoll = n;
          rollDone = true;
        });
      rollRead.catch(() => {}); // awaited below
      const pending: { row: number; entry: RosterEntry }[] = [];

      /** A checked row against the complete roll: counted unchanged, or pushed to `valid` for staging. */
      const decide = (row: number, e: RosterEntry, valid: (string | null)[][]) => {
        // The blind index as words: a row that repeats the roll never needs its hex.
        const words = ids.indexer.words(e.idNumber);
        const slot = roll.findWords(words[0]!, words[1]!);
        const hash = entryHash(e.category, e.divisionCode, e.name);
        if (slot >= 0) {
          if (e.change !== "removed" && roll.matchedRow(slot) === 0 && roll.sameHash(slot, hash)) {
            roll.markMatched(slot, row);
            unchangedUnstaged++;
            return;
          }
          stagedOnRoll.push(row, slot);
        }
        // Hashed, sealed and read here: the clear ID never reaches the database.
        // on_roll: the person has an open entry here, so a 减少 of theirs needs no check in SQL.
        valid.push([String(row), wordsHex(words), ids.seal(e.idNumber), sexOf(e.idNumber), birthDateOf(e.idNumber)!, e.name, e.category, e.change, e.divisionCode, e.certifiedOn, e.note || null, slot >= 0 ? "t" : "f", String(hash)]);
      };
      // One COPY for the rest of the file, opened once the roll is read (the
      // connection carries one statement at a time) and fed while the file is
      // parsed: the database and the parser work on the two cores at once.
      let staging: CopyWriter | null = null;
      const openStaging = async () => {
        await rollRead;
        staging = await tx.copyStream("roster_staging", q.STAGING_COLUMNS);
        const early: (string | null)[][] = [];
        if (errors.length === 0) for (const p of pending) decide(p.row, p.entry, early);
        pending.length = 0;
        if (errors.length === 0) await staging.write(early);
        return staging;
      };
      let failed = true;
      let rollWait = 0;
      const loopStart = performance.now();
      try {
        for await (const batch of file.batches()) {
          if (rollDone && !staging) await openStaging();
          const valid: (string | null)[][] = [];
          for (const raw of batch) {
            rows++;
            const v = validateRosterRow(raw, vctx);
            if (!v.ok) {
              v.errors.forEach(note);
              continue;
            }
            if (errors.length > 0) continue; // the file is rejected anyway: stop staging, keep checking rows
            if (staging) decide(raw.row, v.entry, valid);
            else pending.push({ row: raw.row, entry: v.entry });
          }
          if (staging && errors.length === 0) await (staging as CopyWriter).write(valid);
          if (!staging && pending.length >= MAX_PENDING) {
            const w = performance.now();
            await rollRead;
            rollWait += performance.now() - w;
          }
          if (input.onProgress && file.totalBytes) input.onProgress(Math.min(file.bytesRead() / file.totalBytes, 1));
        }
        if (!staging) await openStaging();
        failed = false;
        if (process.env.PORTAL_SQL_TIMING) process.stderr.write(`[roster] ${rows} rows read and checked in ${(performance.now() - loopStart).toFixed(0)} ms, ${rollWait.toFixed(0)} ms of it waiting for the open roll (${pending.length} pending)\n`);
      } finally {
        // The roll's cursor finishes before the transaction ends, also when the file is being rejected.
        if (failed) await rollRead.catch(() => {});
        // Completed even when the file is being rejected, so the connection can roll back.
        await ((staging as CopyWriter | null)?.end() ?? Promise.resolve()).finally(() => file.close());
      }
      // The file's SHA-256 as the reader computed it on the way through (tabular-import/source.ts): hashing
      // it in a pass of its own before the lock read a month's 76 MB twice (0.15 s a 35 MB file under load).
      // The same file accepted before for this department and month stores nothing new, whatever its rows
      // would say today; found after the rows are read, which costs a repeated upload one read of the file.
      const sha256 = file.sha256() ?? (await fileSha256(input.path));
      const previous = await q.findSubmission(tx, input.department, input.month, sha256);
      if (previous)
        return { accepted: previous.rows, added: 0, removed: 0, unchanged: previous.rows, rejected: [], alreadyImported: true, truncated: false };
      if (errors.length === 0) {
        await q.analyzeStaging(tx);
        // The earliest earlier row for each repeated row: among staged rows (SQL) and against the matched ones.
        const firstOf = new Map<number, number>();
        const repeat = (row: number, first: number) => firstOf.set(row, Math.min(first, firstOf.get(row) ?? first));
        for (const d of await q.duplicateRows(tx, MAX_ERRORS)) repeat(d.row_no, d.first_row);
        for (let i = 0; i < stagedOnRoll.length; i += 2) {
          const row = stagedOnRoll[i]!;
          const matched = roll.matchedRow(stagedOnRoll[i + 1]!);
          if (matched > 0) repeat(Math.max(row, matched), Math.min(row, matched));
        }
        for (const [row, first] of firstOf) note(duplicateIdError(row, first));
        for (const r of await q.removalsNotOnRoll(tx, input.department, prevDay, MAX_ERRORS)) note(notOnRollError(r.row_no));
      }
      if (errors.length > 0) throw new Rejected(errors.sort((a, b) => a.row - b.row), truncated);

      const submissionId = await q.insertSubmission(tx, { department: input.department, month: input.month, fileName: input.fileName, sha256, rows, submittedBy: accountId(ctx.actor) });
      await q.lockPeopleRegistration(tx);
      // Few: the rows staged (changed, new, or not recognised) are a small part of the roll.
      await q.planRows(tx, input.department, { few: (rows - unchangedUnstaged) * 10 < onRoll });
      for (const c of await q.registerConflicts(tx, MAX_ERRORS)) {
        if (c.name_differs) note(registerNameConflict(c.row_no, maskName(c.register_name)));
        if (c.village_differs) note(registerVillageConflict(c.row_no));
      }
      if (errors.length > 0) throw new Rejected(errors.sort((a, b) => a.row - b.row), truncated);
      await q.registerPeople(tx);
      const changes = await q.applyToRoll(tx, { department: input.department, monthStart, prevDay, submissionId, unchangedUnstaged });
      await insertAuditRaw(
        tx,
        auditRow(ctx.actor, {
          action: "rosters.upload",
          objectType: "roster_submission",
          objectId: String(submissionId),
          detail: { department: input.department, month: input.month, file: input.fileName, rows, ...changes },
        }),
      );
      return { accepted: rows, ...changes, rejected: [], alreadyImported: false, truncated: false };
    });
  } catch (err) {
    if (err instanceof Rejected)
      return { accepted: 0, added: 0, removed: 0, unchanged: 0, rejected: err.errors, alreadyImported: false, truncated: err.truncated };
    if (err instanceof RosterFileError)
      return { accepted: 0, added: 0, removed: 0, unchanged: 0, rejected: [err.toRowError()], alreadyImported: false, truncated: false };
    throw err;
  }
}

async function fileSha256(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
