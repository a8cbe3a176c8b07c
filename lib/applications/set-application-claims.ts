import "server-only";
import { claimsTakenElsewhere, foreignClaimIds, replaceApplicationClaims } from "@/db/queries/application-audit";
import { updateApplicationIfVersion } from "@/db/queries/applications";
import { insertAudit } from "@/db/queries/audit";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { ValidationError } from "@/lib/errors/app-error";
import { loadCaseFor } from "./audit-case";
import { termsPatch } from "./case-amount";
import { requireTownshipPost } from "./township-post";
import { ApplicationChangedError, versionOf } from "./run-transition";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_CLAIMS = 200;

/**
 * Ticks the ledger's claims into the case (勾选本年度结算记录): the township
 * clerk of the case's township, while the township has it. The set replaces
 * the previous one; each claim must be the applicant's, of the application's
 * year, and not already counted in another live case. The case's terms (the
 * category and policy version on the acceptance date, and whether that
 * policy sends the case to the joint meeting) are fixed on the case here.
 */
export async function setApplicationClaims(ctx: UseCaseContext, applicationId: unknown, input: { version?: unknown; claimIds?: unknown }) {
  const c = await loadCaseFor(ctx, applicationId, "applications.intake");
  requireTownshipPost(ctx, c, "勾选结算记录");
  const version = versionOf(input.version);
  const raw = Array.isArray(input.claimIds) ? input.claimIds : input.claimIds === undefined ? [] : null;
  if (raw === null || raw.some((x) => typeof x !== "string" || !UUID.test(x))) throw new ValidationError("claimIds", "勾选的结算记录有误，请刷新页面后重试");
  const ids = [...new Set(raw as string[])];
  if (ids.length > MAX_CLAIMS) throw new ValidationError("claimIds", `一次申请最多勾选 ${MAX_CLAIMS} 条结算记录`);
  if ((await foreignClaimIds(ctx.db, c.personId, c.year, ids)).length > 0) {
    throw new ValidationError("claimIds", `勾选的结算记录中有不属于申请人 ${c.personName} ${c.year} 年度的记录，不能计入本次申请`);
  }
  const taken = await claimsTakenElsewhere(ctx.db, c.id, ids);
  if (taken.length > 0) {
    const t = taken[0]!;
    throw new ValidationError("claimIds", `结算记录 ${t.externalId} 已计入申请 ${t.caseNo}，同一笔费用不能重复申请救助`);
  }
  const patch = await termsPatch(ctx.db, c);
  await inTransaction(ctx.db, async (tx) => {
    if (!(await updateApplicationIfVersion(tx, c.id, version, patch))) throw new ApplicationChangedError();
    await replaceApplicationClaims(tx, c.id, ids);
    await insertAudit(tx, auditRow(ctx.actor, { action: "applications.set_claims", objectType: "application", objectId: c.id, detail: { caseNo: c.caseNo, claims: ids.length } }));
  });
  return { version: version + 1, claims: ids.length };
}
