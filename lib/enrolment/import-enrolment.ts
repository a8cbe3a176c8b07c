import "server-only";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { bulkTransaction } from "@/db/bulk";
import * as q from "@/db/queries/enrolment-import";
import { insertAuditRaw } from "@/db/queries/audit-raw";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { accountId } from "@/lib/auth/domain/actor";
import { idCrypto } from "@/lib/crypto/data-keys";
import { scopePrefix } from "@/lib/divisions/domain/division-code";
import { formatAmount } from "@/lib/money/money";
import { duplicateIdError, RosterFileError, type RosterRowError } from "@/lib/rosters/domain/errors";
import { AUTO_CLOSE_NOTE } from "./domain/case-reasons";
import { ENROLMENT_HEADERS } from "./domain/columns";
import { checkXlsxFile } from "@/lib/tabular-import/check-xlsx-file";
import { readEnrolmentFile } from "./read-enrolment-file";
import { runSubsidies, type SubsidyRun } from "./run-subsidies";
import { validateEnrolmentRow, type FileFacts } from "./domain/validate-row";

export type ImportEnrolmentInput = { path: string; fileName: string; today?: Date };

export type ImportEnrolmentResult = {
  year: number | null;
  /** Data rows in the file. */
  rows: number;
  /** New enrolments stored. */
  enrolled: number;
  /** People already enrolled for the year: their first record is kept. */
  alreadyEnrolled: number;
  /** People not registered in the portal within the importer's jurisdiction: not stored (not on any roll). */
  notKnown: number;
  subsidies: SubsidyRun;
  /** Open 未参保 cases closed as 已参保 by this import. */
  casesClosed: number;
  rejected: RosterRowError[];
  alreadyImported: boolean;
  truncated: boolean;
};

export const MAX_ENROLMENT_ERRORS = 10_000;
const BATCH_ROWS = 5_000;

class Rejected extends Error {
  constructor(readonly errors: RosterRowError[], readonly truncated: boolean) {
    super("rejected");
  }
}

const empty = (rejected: RosterRowError[], truncated = false): ImportEnrolmentResult => ({
  year: null, rows: 0, enrolled: 0, alreadyEnrolled: 0, notKnown: 0, subsidies: { computed: 0, notComputed: {} }, casesClosed: 0,
  rejected, alreadyImported: false, truncated,
});

/**
 * Imports a year's enrolment file from the tax / insurance system, all or
 * nothing: every row is checked and every problem reported by row and column;
 * when the file is clean the enrolments of people the portal knows are stored,
 * their subsidies computed (the identity on the payment day decides), and their
 * open 未参保 cases closed as 已参保. The same file again stores nothing.
 */
export async function importEnrolment(ctx: UseCaseContext, input: ImportEnrolmentInput): Promise<ImportEnrolmentResult> {
  await requirePermission(ctx, "enrolment.manage", { objectType: "enrolment_import", objectId: input.fileName.slice(0, 100) });
  const scope = scopePrefix(ctx.actor.user.jurisdiction);
  const actorId = accountId(ctx.actor);
  const today = input.today ?? new Date();
  let sha256: string;
  try {
    sha256 = await fileSha256(input.path);
  } catch {
    return empty([{ row: 1, column: "文件", reason: "无法读取上传的文件，请重新选择文件" }]);
  }

  try {
    // An .xlsx that would unpack past the limits is refused before the lock (tabular-import/xlsx-limits.ts).
    await checkXlsxFile(input.path);
    const ids = idCrypto(); // staged by blind index: no clear ID goes into any table
    return await bulkTransaction(ctx.db, async (tx) => {
      await q.lockEnrolment(tx);
      const previous = await q.findImportBySha(tx, sha256);
      if (previous) return { ...empty([]), year: previous.year, rows: previous.rows, alreadyImported: true };

      await q.createEnrolmentStaging(tx);
      const errors: RosterRowError[] = [];
      let truncated = false;
      const note = (e: RosterRowError) => (errors.length < MAX_ENROLMENT_ERRORS ? errors.push(e) : (truncated = true));
      const facts: FileFacts = {};
      let rows = 0;
      let pending: (string | null)[][] = [];
      const file = await readEnrolmentFile(input.path);
      for await (const batch of file.batches()) {
        for (const raw of batch) {
          rows++;
          const v = validateEnrolmentRow(raw, facts, today);
          if (!v.ok) {
            v.errors.forEach(note);
            continue;
          }
          if (errors.length > 0) continue; // rejected anyway: keep checking, stop staging
          const e = v.entry;
          pending.push([String(raw.row), ids.hash(e.idNumber), e.name, String(e.year), String(e.tier), formatAmount(e.contribution), formatAmount(e.tier1), e.paidOn, e.feeExempt ? "yes" : "no"]);
        }
        if (pending.length >= BATCH_ROWS || errors.length > 0) {
          if (errors.length === 0) await tx.copyRows("enrolment_staging", q.ENROLMENT_STAGING_COLUMNS, pending);
          pending = [];
        }
      }
      if (errors.length === 0) await tx.copyRows("enrolment_staging", q.ENROLMENT_STAGING_COLUMNS, pending);
      if (errors.length === 0) {
        for (const d of await q.duplicateEnrolmentRows(tx, MAX_ENROLMENT_ERRORS)) note(duplicateIdError(d.row_no, d.first_row));
        for (const m of await q.nameMismatchRows(tx, scope, MAX_ENROLMENT_ERRORS)) {
          note({ row: m.row_no, column: ENROLMENT_HEADERS.name, reason: "与本系统登记的该身份证号的姓名不一致，请核对身份证号和姓名" });
        }
      }
      if (errors.length > 0) throw new Rejected(errors.sort((a, b) => a.row - b.row), truncated);

      const year = facts.year!;
      const importId = await q.insertEnrolmentImport(tx, { year, fileName: input.fileName.slice(0, 200), sha256, rows, tier1: formatAmount(facts.tier1!), importedBy: actorId });
      const changes = await q.insertEnrolments(tx, { importId, scopePrefix: scope });
      const subsidies = await runSubsidies(tx, { year, scopePrefix: scope, fromStaging: true });
      const casesClosed = await q.closeEnrolledCases(tx, { year, scopePrefix: scope, closedBy: actorId, note: AUTO_CLOSE_NOTE });
      const result = { year, rows, ...changes, subsidies, casesClosed };
      await insertAuditRaw(
        tx,
        auditRow(ctx.actor, { action: "enrolment.import", objectType: "enrolment_import", objectId: String(importId), detail: { file: input.fileName.slice(0, 200), ...result } }),
      );
      return { ...result, rejected: [], alreadyImported: false, truncated: false };
    });
  } catch (err) {
    if (err instanceof Rejected) return empty(err.errors, err.truncated);
    if (err instanceof RosterFileError) return empty([err.toRowError()]);
    throw err;
  }
}

async function fileSha256(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
