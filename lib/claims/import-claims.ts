import "server-only";
import type { Tx } from "@/db";
import type { ClaimRow } from "@/db/schema";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { insertAudit } from "@/db/queries/audit";
import * as q from "@/db/queries/claims";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { accountId } from "@/lib/auth/domain/actor";
import { scopePrefix } from "@/lib/divisions/domain/division-code";
import { reevaluateClaims } from "@/lib/monitoring/reevaluate-people";
import { RosterFileError, type RosterRowError } from "@/lib/rosters/domain/errors";
import { formatCents, yuanToCents } from "@/lib/settlement/cents";
import { CLAIM_HEADERS } from "./domain/claim-columns";
import { TermsResolver } from "./claim-terms";
import { readClaimEntries, type ClaimEntries, type ErrorList } from "./read-claim-entries";
import { applyResettlement, computeResettlement } from "./resettle-ledger";
import type { ClaimEntry } from "./domain/validate-claim-row";
import { claimChanges, describeChanges, type FieldChange } from "./domain/claim-correction";

export type ImportClaimsInput = { path: string; fileName: string; now?: Date };

/** A row that corrected a stored claim of the same 结算流水号: the old claim superseded, the person-year settled again. */
export type CorrectedRow = { row: number; externalId: string; changes: FieldChange[] };

export type ImportClaimsResult = {
  /** Data rows in the file. */
  rows: number;
  added: number;
  /** Rows whose 结算流水号 is already stored with the same values: skipped. */
  unchanged: number;
  /** Rows whose 结算流水号 is already stored with other values: corrections (docs/policy.md §4). */
  corrected: number;
  correctedRows: CorrectedRow[];
  /** Settlements written: the new claims and the earlier claims of the same person-years whose result changed. */
  settled: number;
  resettled: number;
  rejected: RosterRowError[];
  truncated: boolean;
};

class Rejected extends Error {
  constructor(readonly list: ErrorList) {
    super("rejected");
  }
}

const NOT_FOUND = "本辖区没有该身份证号的人员（身份证号可能有误、尚未登记，或户籍不在本辖区），请核对";

const inCase = (caseNo: string) =>
  `该结算流水号的记录已纳入依申请救助申请 ${caseNo}，其救助金额按原记录核定，导入不能更正；请先由经办人在该申请中取消勾选这条结算记录（已审批或已支付的申请请联系医保局审核人员处理），再重新导入`;

/**
 * Imports a settlement-record file (结算记录, one row per stay or outpatient
 * settlement), all or nothing: every row is checked and every problem is
 * reported at once by row and column. A row whose 结算流水号 is stored with
 * the same values is skipped; with other values it is a correction: the stored
 * claim is superseded (kept, with its results) by a new row, unless an
 * on-application case that is not refused ticked it (that row is refused,
 * naming the case). Each person-year that gains, loses or changes a claim is
 * settled again in date order (resettle-ledger.ts), in the same transaction as
 * the claims and the audit rows (one for the import, one per correction).
 */
export async function importClaims(ctx: UseCaseContext, input: ImportClaimsInput): Promise<ImportClaimsResult> {
  await requirePermission(ctx, "claims.import", { objectType: "claim_import", objectId: input.fileName });
  const empty = { rows: 0, added: 0, unchanged: 0, corrected: 0, correctedRows: [], settled: 0, resettled: 0, truncated: false };
  let read: ClaimEntries;
  try {
    read = await readClaimEntries(input.path, input.now ?? new Date());
  } catch (err) {
    if (err instanceof RosterFileError) return { ...empty, rejected: [err.toRowError()] };
    throw err;
  }
  const { entries, list } = read;
  const sha256 = await fileSha256(input.path);
  try {
    return await inTransaction(ctx.db, async (tx) => {
      await q.lockClaimsLedger(tx);
      const scope = scopePrefix(ctx.actor.user.jurisdiction);
      const { fresh, corrections, unchanged } = await checkAgainstLedger(tx, entries, list, scope);
      const terms = new TermsResolver(tx);
      for (const { entry, person } of [...fresh, ...corrections]) {
        if (!(await terms.policyOn(person.divisionCode, entry.date))) {
          list.add({ row: entry.row, column: CLAIM_HEADERS.claim_date, reason: `结算日期 ${entry.date} 当天本地区没有启用的救助政策，无法结算；请先由管理员启用政策版本` });
        }
      }
      if (list.errors.length > 0) throw new Rejected(list);
      if (fresh.length === 0 && corrections.length === 0) return { ...empty, rows: read.rows, unchanged, rejected: [] };

      const actorId = accountId(ctx.actor);
      const at = new Date();
      const importId = (await q.importIdBySha(tx, sha256)) ?? (await q.insertClaimImport(tx, { fileName: input.fileName, fileSha256: sha256, rows: read.rows, importedBy: actorId }));
      // The corrected claims leave the ledger first: their successors carry the same 结算流水号.
      await q.retireClaims(tx, corrections.map((c) => c.stored.id), at);
      const incoming = [...fresh, ...corrections];
      const newIds = await q.insertClaims(tx, incoming.map(({ entry, person }) => claimRow(entry, person.id, importId)));
      await q.linkSuccessors(tx, new Map(corrections.map((c) => [c.stored.id, newIds.get(c.entry.externalId)!])));

      const rowOf = new Map(incoming.map(({ entry }) => [entry.externalId, entry.row]));
      const byYear = new Map<number, Set<string>>();
      const touch = (year: number, personId: string) => {
        if (!byYear.has(year)) byYear.set(year, new Set());
        byYear.get(year)!.add(personId);
      };
      for (const { entry, person } of incoming) touch(Number(entry.date.slice(0, 4)), person.id);
      // A correction may move a claim to another year: the year it left is settled again too.
      for (const c of corrections) touch(Number(c.stored.claimDate.slice(0, 4)), c.person.id);
      const ledger: q.LedgerRow[] = [];
      for (const [year, ids] of byYear) ledger.push(...(await q.ledgerClaims(tx, { scopePrefix: scope, year, personIds: [...ids] })));
      const plan = await computeResettlement(terms, ledger);
      for (const p of plan.problems) {
        for (const r of ledger) if (p.claimIds.includes(r.id) && rowOf.has(r.externalId)) list.add({ row: rowOf.get(r.externalId)!, column: CLAIM_HEADERS[p.field], reason: p.reason });
      }
      if (list.errors.length > 0) throw new Rejected(list);
      await applyResettlement(tx, plan.changes, { settledBy: actorId, reason: reasonOf(input.fileName, corrections.length > 0), at });
      // 因病返贫致贫监测 for exactly the person-years this file touched (the corrected claims' old years too), in the same transaction.
      const monitoring = await reevaluateClaims(tx, [...plan.changes.map((c) => c.claimId), ...corrections.map((c) => c.stored.id)], todayOf(ctx));
      const resettled = plan.changes.filter((c) => c.previous).length;
      const correctedRows = corrections.map((c) => ({ row: c.entry.row, externalId: c.entry.externalId, changes: c.changes }));
      const counts = { rows: read.rows, added: fresh.length, unchanged, corrected: corrections.length, settled: plan.changes.length - resettled, resettled };
      for (const c of corrections) {
        await insertAudit(
          tx,
          auditRow(ctx.actor, {
            action: "claims.correct",
            objectType: "claim",
            objectId: newIds.get(c.entry.externalId)!,
            detail: { externalId: c.entry.externalId, file: input.fileName, row: c.entry.row, supersedes: c.stored.id, changes: describeChanges(c.changes) },
          }),
        );
      }
      await insertAudit(
        tx,
        auditRow(ctx.actor, {
          action: "claims.import",
          objectType: "claim_import",
          objectId: String(importId),
          detail: { file: input.fileName, ...counts, personYears: plan.personYears, assistance: sumOf(plan.changes, "assistance"), tilted: sumOf(plan.changes, "tilted"), monitoring },
        }),
      );
      return { ...counts, correctedRows, rejected: [], truncated: false };
    });
  } catch (err) {
    if (err instanceof Rejected) return { ...empty, rows: read.rows, rejected: err.list.errors.sort((a, b) => a.row - b.row), truncated: err.list.truncated };
    throw err;
  }
}

type Fresh = { entry: ClaimEntry; person: q.LedgerPerson };
type Correction = Fresh & { stored: ClaimRow; changes: FieldChange[] };

/**
 * The person of each row (within the jurisdiction, same name) and what the row
 * is to the ledger: new, a repeat of the stored claim, or a correction of it.
 */
async function checkAgainstLedger(tx: Tx, entries: ClaimEntry[], list: ErrorList, scope: string): Promise<{ fresh: Fresh[]; corrections: Correction[]; unchanged: number }> {
  const people = new Map((await q.peopleWithinByIdNumbers(tx, entries.map((e) => e.idNumber), scope)).map((p) => [p.idNumber, p]));
  const stored = await q.currentClaimsByExternalId(tx, entries.map((e) => e.externalId));
  const fresh: Fresh[] = [];
  const corrections: Correction[] = [];
  let unchanged = 0;
  for (const entry of entries) {
    const person = people.get(entry.idNumber);
    if (!person) {
      list.add({ row: entry.row, column: CLAIM_HEADERS.id_number, reason: NOT_FOUND });
      continue;
    }
    if (person.name !== entry.name) {
      list.add({ row: entry.row, column: CLAIM_HEADERS.name, reason: `姓名“${entry.name}”与系统中该身份证号登记的姓名不一致，请核对身份证号和姓名` });
      continue;
    }
    const old = stored.get(entry.externalId);
    if (old === undefined) fresh.push({ entry, person });
    else if (old.personId !== person.id) list.add({ row: entry.row, column: CLAIM_HEADERS.external_id, reason: "该结算流水号已用于另一人员的结算记录，请核对" });
    else {
      const changes = claimChanges(old, entry);
      if (changes.length === 0) unchanged++;
      else corrections.push({ entry, person, stored: old, changes });
    }
  }
  // A claim an on-application case counts (not refused) is not corrected behind the case's back.
  const taken = new Map((await q.claimsInLiveCases(tx, corrections.map((c) => c.stored.id))).map((t) => [t.claimId, t.caseNo]));
  for (const c of corrections) {
    const caseNo = taken.get(c.stored.id);
    if (caseNo !== undefined) list.add({ row: c.entry.row, column: CLAIM_HEADERS.external_id, reason: inCase(caseNo) });
  }
  return { fresh, corrections, unchanged };
}

function reasonOf(fileName: string, corrections: boolean): string {
  return corrections
    ? `导入“${fileName}”（含更正的结算记录）后，同一人同年的结算记录按日期顺序重新计算`
    : `导入“${fileName}”后，同一人同年的结算记录按日期顺序重新计算`;
}

function claimRow(e: ClaimEntry, personId: string, importId: number) {
  return {
    externalId: e.externalId,
    personId,
    claimDate: e.date,
    setting: e.setting,
    hospitalName: e.hospitalName,
    hospitalLevel: e.hospitalLevel,
    specialDisease: e.specialDisease,
    referred: e.referred,
    inCity: e.inCity,
    onApplication: e.onApplication,
    totalCost: formatCents(e.totalCost),
    policyScopeCost: formatCents(e.policyScopeCost),
    outOfScopeCost: formatCents(e.totalCost - e.policyScopeCost),
    basicPaid: e.basicPaid === null ? null : formatCents(e.basicPaid),
    criticalPaid: e.criticalPaid === null ? null : formatCents(e.criticalPaid),
    hospitalWaived: formatCents(e.hospitalWaived),
    commercialPaid: formatCents(e.commercialPaid),
    importId,
  };
}

function sumOf(changes: { next: { assistance: string; tilted: string } }[], tier: "assistance" | "tilted"): string {
  let cents = 0;
  for (const c of changes) cents += yuanToCents(c.next[tier]);
  return formatCents(cents);
}

async function fileSha256(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
