import "server-only";
import { findApplicationForWorkflow } from "@/db/queries/applications";
import { insertAudit } from "@/db/queries/audit";
import { insertBatch, insertBatchLine, isOneLiveLineViolation, nextBatchNo, payableFacts } from "@/db/queries/payment-batches";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { accountId } from "@/lib/auth/domain/actor";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-working-day-calendar";
import { levelOf } from "@/lib/divisions/domain/division-code";
import { AppError, ValidationError } from "@/lib/errors/app-error";
import { Money, ZERO } from "@/lib/money/money";
import { versionOf } from "../run-transition";
import { stepCase, type WorkflowRow } from "./case-step";

// 编制支付批次 (docs/policy.md §6 step 4): the 医保 payment clerk gathers
// approved cases of the county into one batch for the bank's 代发 service.
// Every case goes through the state machine (approved → in_batch) and gets a
// line with its approved amount; the batch, the lines, the transitions and
// the audit rows commit together or not at all.

export const MAX_BATCH_LINES = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type BatchCase = { id: string; version: number };

/** An id as given: a string or a number as text; anything else (String() of a 5,000-level nested array overflowed the stack: a 500) is no id. */
const idText = (id: unknown): string => (typeof id === "string" ? id : typeof id === "number" ? String(id) : "");

/** The chosen cases: objects {id, version} or the form's "id:version" strings. */
export function parseBatchCases(value: unknown): BatchCase[] {
  const list = Array.isArray(value) ? value : [];
  if (list.length === 0) throw new ValidationError("applicationIds", "请至少勾选一件已审批待支付的申请");
  if (list.length > MAX_BATCH_LINES) throw new ValidationError("applicationIds", `一个支付批次最多 ${MAX_BATCH_LINES} 笔，请分批编制`);
  const seen = new Set<string>();
  return list.map((item) => {
    const [id, version] =
      typeof item === "string" ? item.split(":") : item && typeof item === "object" ? [idText((item as BatchCase).id), (item as BatchCase).version] : ["", ""];
    if (!id || !UUID.test(id)) throw new ValidationError("applicationIds", "所选申请有误，请刷新页面后重选");
    if (seen.has(id)) throw new ValidationError("applicationIds", "同一件申请被选了两次，请刷新页面后重选");
    seen.add(id);
    return { id: id.toLowerCase(), version: versionOf(version) };
  });
}

/** The batch's county: the payment clerk works for one county (区县) 医保局. */
function countyOf(jurisdiction: string): string {
  if (levelOf(jurisdiction) !== "county") throw new ValidationError("county", "支付批次按县（市、区）编制，只有县级医保经办员可以编制");
  return jurisdiction;
}

/** Prefixes a refusal with the case it concerns, so the clerk knows which line to drop. */
function aboutCase(caseNo: string, err: unknown): unknown {
  return err instanceof AppError ? new AppError(err.code, `${caseNo}：${err.message}`, err.field) : err;
}

export async function createPaymentBatch(ctx: UseCaseContext, input: { cases?: unknown }): Promise<{ id: number; batchNo: string; count: number; total: string }> {
  await requirePermission(ctx, "applications.pay", { objectType: "payment_batch" });
  const cases = parseBatchCases(input.cases);
  const county = countyOf(ctx.actor.user.jurisdiction);

  // Read and check every case before the transaction opens (a jurisdiction refusal is audited in its own write).
  const chosen: { row: WorkflowRow; version: number; amount: Money }[] = [];
  for (const c of cases) {
    const row = await findApplicationForWorkflow(ctx.db, c.id);
    if (!row) throw new ValidationError("applicationIds", "所选申请中有一件已不存在，请刷新页面后重选");
    await requireWithin(ctx, row.townshipCode, "applications.pay", { objectType: "application", objectId: row.id });
    const facts = await payableFacts(ctx.db, row.id);
    if (facts?.liveLine) throw new AppError("conflict", `${row.caseNo}：该申请已列入另一个支付批次，不能重复列入`);
    chosen.push({ row, version: c.version, amount: new Money(facts?.approvedAmount ?? 0) });
  }

  const on = todayOf(ctx);
  const calendar = await loadWorkingDayCalendar(ctx.db);
  const total = chosen.reduce((sum, c) => sum.plus(c.amount), ZERO).toFixed(2);
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const batchNo = await nextBatchNo(tx, county, Number(on.slice(0, 4)));
      const id = await insertBatch(tx, { batchNo, countyCode: county, createdOn: on, createdBy: accountId(ctx.actor), status: "open" });
      for (const { row, version, amount } of chosen) {
        try {
          await stepCase(ctx, tx, { row, version, command: { action: "add_to_batch" }, detail: { batchNo, amount: amount.toFixed(2) } }, on, calendar);
        } catch (err) {
          throw aboutCase(row.caseNo, err);
        }
        // The state machine let it through, so it is approved; an approved case always has its amount.
        if (!amount.greaterThan(0)) throw new AppError("invalid", `${row.caseNo}：该申请没有核定金额，不能列入支付批次`, "applicationIds");
        await insertBatchLine(tx, { batchId: id, applicationId: row.id, amount: amount.toFixed(2), status: "pending" });
      }
      await insertAudit(
        tx,
        auditRow(ctx.actor, { action: "applications.create_batch", objectType: "payment_batch", objectId: String(id), detail: { batchNo, count: chosen.length, total } }),
      );
      return { id, batchNo, count: chosen.length, total };
    });
  } catch (err) {
    // The last guard: another batch took one of the cases between our read and our write.
    if (isOneLiveLineViolation(err)) throw new AppError("conflict", "所选申请中有一件刚被列入另一个支付批次，本批次未建立，请刷新页面后重选");
    throw err;
  }
}
