import "server-only";
import { findApplicationForWorkflow, updateApplicationIfVersion, upsertSurvey } from "@/db/queries/applications";
import { insertAudit } from "@/db/queries/audit";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { accountId } from "@/lib/auth/domain/actor";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { isIsoDate } from "@/lib/calendar/domain/iso-date";
import { NotFoundError, ValidationError } from "@/lib/errors/app-error";
import { ApplicationChangedError, versionOf } from "./run-transition";

export type SurveyInput = { version?: unknown; surveyedOn?: unknown; visitors?: unknown; findings?: unknown; householdSituation?: unknown };

const text = (v: unknown, field: string, what: string, max: number): string => {
  const t = typeof v === "string" ? v.trim() : "";
  if (!t) throw new ValidationError(field, `请填写${what}`);
  if ([...t].length > max) throw new ValidationError(field, `${what}不能超过 ${max} 个字`);
  return t;
};

/** 入户调查记录: date, visitors, findings, the household's situation; while the township has the case. */
export async function recordHouseholdSurvey(ctx: UseCaseContext, applicationId: unknown, input: SurveyInput): Promise<{ version: number }> {
  const id = typeof applicationId === "string" ? applicationId : "";
  await requirePermission(ctx, "applications.intake", { objectType: "application", objectId: id.slice(0, 36) });
  const version = versionOf(input.version);
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await findApplicationForWorkflow(ctx.db, id) : null;
  if (!row) throw new NotFoundError("找不到该申请，可能链接有误。");
  await requireWithin(ctx, row.townshipCode, "applications.intake", { objectType: "application", objectId: id });
  if (row.state !== "accepted" && row.state !== "township_review") {
    throw new ValidationError("state", "只有乡镇审核阶段的申请可以登记入户调查");
  }
  const surveyedOn = typeof input.surveyedOn === "string" ? input.surveyedOn.trim() : "";
  if (!isIsoDate(surveyedOn)) throw new ValidationError("surveyedOn", "调查日期应为 YYYY-MM-DD");
  if (surveyedOn < row.acceptedOn || surveyedOn > todayOf(ctx)) throw new ValidationError("surveyedOn", "调查日期应在受理日期与今天之间");
  const survey = {
    applicationId: id,
    surveyedOn,
    visitors: text(input.visitors, "visitors", "调查人员", 100),
    findings: text(input.findings, "findings", "调查情况", 1000),
    householdSituation: text(input.householdSituation, "householdSituation", "家庭经济状况", 1000),
    recordedBy: accountId(ctx.actor),
  };
  await inTransaction(ctx.db, async (tx) => {
    if (!(await updateApplicationIfVersion(tx, id, version, {}))) throw new ApplicationChangedError();
    await upsertSurvey(tx, survey);
    await insertAudit(tx, auditRow(ctx.actor, { action: "applications.record_survey", objectType: "application", objectId: id, detail: { caseNo: row.caseNo, surveyedOn } }));
  });
  return { version: version + 1 };
}
