import "server-only";
import type { Tx } from "@/db";
import { insertSettlements, supersedeSettlements, type LedgerRow } from "@/db/queries/claims";
import type { TermsResolver } from "./claim-terms";
import { diffSettlements, type SettlementChange, type StoredSettlement } from "./domain/settlement-diff";
import { ledgerClaimOf, RunError, settleYear, type ClaimTerms, type LedgerClaim } from "./domain/settle-year";

// Settles person-years of the ledger again and says what would change; the
// import (after adding claims) and the re-settlement (after a policy or
// category correction) share it, so both follow exactly the same rules.

/** `field`: what the clerk can fix — the date (no policy in force) or the critical-illness amount (a missing parameter). */
export type PersonYearProblem = { personId: string; year: number; claimIds: string[]; field: "claim_date" | "critical_paid"; reason: string };

export type Resettlement = {
  changes: SettlementChange[];
  /** Person-years that cannot be settled (no policy in force on a claim date, a missing yearly parameter); left as they are. */
  problems: PersonYearProblem[];
  personYears: number;
  claims: number;
};

function stored(r: LedgerRow): StoredSettlement | null {
  const s = r.settlement;
  return s && { ...s, claimId: r.id };
}

/** The engine's one input-dependent refusal left after validation, in words a clerk can act on. */
function engineProblem(err: unknown, year: number): string | null {
  const m = err instanceof RunError ? /needs parameter (\w+)/.exec(err.message) : null;
  if (!m) return null;
  const { record } = (err as RunError).terms;
  const label = record.parameters.definitions.find((d) => d.name === m[1])?.label ?? m[1];
  return `政策“${record.name}”（${record.id} 第 ${record.version} 版）没有 ${year} 年的“${label}”，大病保险起付线无法计算：请在文件中填写大病保险支付，或请管理员在政策中补充该年度参数`;
}

/** `rows`: every claim of each person-year to settle (a partial year would settle wrongly). */
export async function computeResettlement(terms: TermsResolver, rows: readonly LedgerRow[]): Promise<Resettlement> {
  const groups = new Map<string, LedgerRow[]>();
  for (const r of rows) {
    const key = `${r.personId}|${r.claimDate.slice(0, 4)}`;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const years = rows.map((r) => r.claimDate.slice(0, 4)).sort();
  if (years.length > 0) await terms.loadCategories(rows.map((r) => r.personId), `${years[0]}-01-01`, `${years[years.length - 1]}-12-31`);

  const result: Resettlement = { changes: [], problems: [], personYears: groups.size, claims: rows.length };
  for (const group of groups.values()) {
    const { personId, personDivision } = group[0]!;
    const year = Number(group[0]!.claimDate.slice(0, 4));
    const claims: (LedgerClaim & { terms: ClaimTerms })[] = [];
    let problem: string | null = null;
    let field: PersonYearProblem["field"] = "claim_date";
    for (const r of group) {
      const policy = await terms.policyOn(personDivision, r.claimDate);
      if (!policy) {
        problem = `结算日期 ${r.claimDate} 当天本地区没有启用的救助政策，无法结算；请先由管理员启用政策版本`;
        break;
      }
      claims.push({ ...ledgerClaimOf(r), terms: { versionId: policy.versionId, record: policy.record, category: terms.categoryOn(personId, r.claimDate) } });
    }
    if (problem === null) {
      try {
        const current = new Map(group.flatMap((r) => (r.settlement ? [[r.id, stored(r)!] as const] : [])));
        result.changes.push(...diffSettlements(current, settleYear(claims)));
        continue;
      } catch (err) {
        problem = engineProblem(err, year);
        if (problem === null) throw err;
        field = "critical_paid";
      }
    }
    result.problems.push({ personId, year, claimIds: group.map((r) => r.id), field, reason: problem });
  }
  return result;
}

/** Writes the changes: superseded rows keep their history, each change gets a new current row. */
export async function applyResettlement(
  tx: Tx,
  changes: readonly SettlementChange[],
  opts: { settledBy: string | null; reason: string | null; at: Date },
): Promise<void> {
  const superseded = changes.flatMap((c) => (c.previous ? [c.previous.id] : []));
  await supersedeSettlements(tx, superseded, opts.at);
  await insertSettlements(
    tx,
    changes.map(({ next, previous }) => ({
      claimId: next.claimId,
      category: next.category,
      policyVersionId: next.versionId,
      basic: next.basic,
      critical: next.critical,
      assistance: next.assistance,
      tilted: next.tilted,
      selfPaid: next.selfPaid,
      trace: next.trace,
      settledBy: opts.settledBy,
      settledAt: opts.at,
      reason: previous ? opts.reason : null,
    })),
  );
}
