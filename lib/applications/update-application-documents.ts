import "server-only";
import { setDocument } from "@/db/queries/application-audit";
import { updateApplicationIfVersion } from "@/db/queries/applications";
import { insertAudit } from "@/db/queries/audit";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/domain/can";
import { ValidationError } from "@/lib/errors/app-error";
import { loadCaseFor } from "./audit-case";
import { DOCUMENT_NAMES, isDocumentItem } from "./domain/documents";
import { STATE_NAMES, type ApplicationState } from "./domain/states";
import { MAX_REASON_CHARS } from "./domain/transitions";
import { WorkflowError } from "./domain/workflow-errors";
import { coversCase, workflowRoleOf, type WorkflowRole } from "./domain/workflow-roles";
import { ApplicationChangedError, versionOf } from "./run-transition";

// 容缺受理 (002 §三 "探索实行容缺受理和事后补交材料"): a missing item is later
// supplied, or waived with a written reason; until every item is one or the
// other the county cannot approve (the state machine's requireDocuments).
// The township records what the applicant brings in while the case is open
// before approval (the file may already sit at the county); the county
// reviewer may record it or waive an item during the audit.

const OPEN_FOR: Record<"township_clerk" | "county", readonly ApplicationState[]> = {
  township_clerk: ["accepted", "township_review", "returned", "forwarded", "county_review", "joint_meeting"],
  county: ["forwarded", "county_review", "joint_meeting"],
};

export type DocumentUpdateInput = { version?: unknown; item?: unknown; status?: unknown; reason?: unknown };

export async function updateApplicationDocuments(ctx: UseCaseContext, applicationId: unknown, input: DocumentUpdateInput): Promise<{ version: number }> {
  const permission = can(ctx.actor.user, "applications.audit") ? "applications.audit" : "applications.intake";
  const c = await loadCaseFor(ctx, applicationId, permission);
  const user = ctx.actor.user;
  const role: WorkflowRole | null = workflowRoleOf(user);
  if (role !== "township_clerk" && role !== "county_reviewer" && role !== "manager") throw new WorkflowError("role", "您的岗位不能更新申请材料");
  if (!coversCase(user, c.townshipCode)) throw new WorkflowError("jurisdiction", "该申请不属于您的辖区，不能办理");
  if (!OPEN_FOR[role === "township_clerk" ? "township_clerk" : "county"].includes(c.state)) {
    throw new WorkflowError("state", `该申请当前为“${STATE_NAMES[c.state]}”，不能再更新申请材料`);
  }
  const version = versionOf(input.version);
  const item = typeof input.item === "string" ? input.item : "";
  if (!isDocumentItem(item)) throw new ValidationError("item", "请选择要更新的材料");
  const status = input.status;
  if (status !== "supplied" && status !== "waived") throw new ValidationError("status", "请选择“已提供”或“免予提供”");
  let reason: string | null = null;
  if (status === "waived") {
    reason = typeof input.reason === "string" ? input.reason.trim() : "";
    if (!reason) throw new ValidationError("reason", `请填写${DOCUMENT_NAMES[item]}免予提供的理由`);
    if ([...reason].length > MAX_REASON_CHARS) throw new ValidationError("reason", `免予提供的理由不能超过 ${MAX_REASON_CHARS} 个字，请精简`);
  }
  await inTransaction(ctx.db, async (tx) => {
    if (!(await updateApplicationIfVersion(tx, c.id, version, {}))) throw new ApplicationChangedError();
    await setDocument(tx, { applicationId: c.id, item, status, waiveReason: reason });
    await insertAudit(
      tx,
      auditRow(ctx.actor, { action: "applications.update_document", objectType: "application", objectId: c.id, detail: { caseNo: c.caseNo, item, status, reason } }),
    );
  });
  return { version: version + 1 };
}
