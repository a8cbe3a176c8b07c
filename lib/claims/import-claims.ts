import "server-only";
import type { Tx } from "@/db";
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

export type ImportClaimsInput = { path: string; fileName: string; now?: Date };

export type ImportClaimsResult = {
  /** Data rows in the file. */
  rows: number;
  added: number;
  /** Rows whose 结算流水号 is already stored: skipped. */
  unchanged: number;
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

/**
 * Imports a settlement-record file (结算记录, one row per stay or outpatient
 * settlement), all or nothing: every row is checked and every problem is
 * reported at once by row and column; rows already stored (same 结算流水号)
 * are skipped. Each person-year that gains a claim is settled again in date
 * order (resettle-ledger.ts), in the same transaction as the claims and the
 * audit row.
 */
export async function importClaims(ctx: UseCaseContext, input: ImportClaimsInput): Promise<ImportClaimsResult> {
  await requirePermission(ctx, "claims.import", { objectType: "claim_import", objectId: input.fileName });
  const empty = { rows: 0, added: 0, unchanged: 0, settled: 0, resettled: 0, truncated: false };
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
      const fresh = await checkAgainstLedger(tx, entries, list, scope);
      const terms = new TermsResolver(tx);
      for (const { entry, person } of fresh) {
        if (!(await terms.policyOn(person.divisionCode, entry.date))) {
          list.add({ row: entry.row, column: CLAIM_HEADERS.claim_date, reason: `结算日期 ${entry.date} 当天本地区没有启用的救助政策，无法结算；请先由管理员启用政策版本` });
        }
      }
      if (list.errors.length > 0) throw new Rejected(list);
      const unchanged = entries.length - fresh.length;
      if (fresh.length === 0) return { ...empty, rows: read.rows, unchanged, rejected: [] };

      const actorId = accountId(ctx.actor);
      const importId = (await q.importIdBySha(tx, sha256)) ?? (await q.insertClaimImport(tx, { fileName: input.fileName, fileSha256: sha256, rows: read.rows, importedBy: actorId }));
      await q.insertClaims(tx, fresh.map(({ entry, person }) => claimRow(entry, person.id, importId)));

      const rowOf = new Map(fresh.map(({ entry }) => [entry.externalId, entry.row]));
      const byYear = new Map<number, Set<string>>();
      for (const { entry, person } of fresh) {
        const year = Number(entry.date.slice(0, 4));
        if (!byYear.has(year)) byYear.set(year, new Set());
        byYear.get(year)!.add(person.id);
      }
      const ledger: q.LedgerRow[] = [];
      for (const [year, ids] of byYear) ledger.push(...(await q.ledgerClaims(tx, { scopePrefix: scope, year, personIds: [...ids] })));
      const plan = await computeResettlement(terms, ledger);
      for (const p of plan.problems) {
        for (const r of ledger) if (p.claimIds.includes(r.id) && rowOf.has(r.externalId)) list.add({ row: rowOf.get(r.externalId)!, column: CLAIM_HEADERS[p.field], reason: p.reason });
      }
      if (list.errors.length > 0) throw new Rejected(list);
      const at = new Date();
      await applyResettlement(tx, plan.changes, { settledBy: actorId, reason: `导入“${input.fileName}”后，同一人同年的结算记录按日期顺序重新计算`, at });
      // 因病返贫致贫监测 for exactly the person-years this file touched, in the same transaction.
      const monitoring = await reevaluateClaims(tx, plan.changes.map((c) => c.claimId), todayOf(ctx));
      const resettled = plan.changes.filter((c) => c.previous).length;
      const settled = { rows: read.rows, added: fresh.length, unchanged, settled: plan.changes.length - resettled, resettled };
      await insertAudit(
        tx,
        auditRow(ctx.actor, {
          action: "claims.import",
          objectType: "claim_import",
          objectId: String(importId),
          detail: { file: input.fileName, ...settled, personYears: plan.personYears, assistance: sumOf(plan.changes, "assistance"), tilted: sumOf(plan.changes, "tilted"), monitoring },
        }),
      );
      return { ...settled, rejected: [], truncated: false };
    });
  } catch (err) {
    if (err instanceof Rejected) return { ...empty, rows: read.rows, rejected: err.list.errors.sort((a, b) => a.row - b.row), truncated: err.list.truncated };
    throw err;
  }
}

type Fresh = { entry: ClaimEntry; person: q.LedgerPerson };

/** The person of each row (within the jurisdiction, same name) and whether the 结算流水号 is new. */
async function checkAgainstLedger(tx: Tx, entries: ClaimEntry[], list: ErrorList, scope: string): Promise<Fresh[]> {
  const people = new Map((await q.peopleWithinByIdNumbers(tx, entries.map((e) => e.idNumber), scope)).map((p) => [p.idNumber, p]));
  const stored = await q.storedExternalIds(tx, entries.map((e) => e.externalId));
  const fresh: Fresh[] = [];
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
    const owner = stored.get(entry.externalId);
    if (owner === undefined) fresh.push({ entry, person });
    else if (owner !== person.id) list.add({ row: entry.row, column: CLAIM_HEADERS.external_id, reason: "该结算流水号已用于另一人员的结算记录，请核对" });
  }
  return fresh;
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
