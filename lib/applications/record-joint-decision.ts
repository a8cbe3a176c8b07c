import "server-only";
import { lockPersonYear } from "@/db/queries/application-audit";
import type { UseCaseContext } from "@/lib/auth/context";
import { ValidationError } from "@/lib/errors/app-error";
import { Money } from "@/lib/money/money";
import { loadCaseFor } from "./audit-case";
import { amountOfCase } from "./case-amount";
import { ApplicationChangedError, runTransition } from "./run-transition";

export type JointDecisionInput = { version?: unknown; meetingOn?: unknown; departments?: unknown; amount?: unknown };

const MAX_DEPARTMENTS = 20;

/** 、，, ; or new lines between the departments, or a list. */
function departmentsOf(value: unknown): string[] {
  const parts = Array.isArray(value) ? value : typeof value === "string" ? value.split(/[、，,;；\n]/) : [];
  return parts.map((d) => (typeof d === "string" ? d.trim() : "")).filter(Boolean);
}

/**
 * 登记联席会议决定 (joint_meeting → approved): the meeting date, the departments
 * present and the amount decided ("一事一议，酌情予以救助", 000 §三(八)). The
 * amount is the meeting's, but never more than the year's pool leaves (the
 * engine's room, checked again under the person-year lock).
 */
export async function recordJointDecision(ctx: UseCaseContext, applicationId: unknown, input: JointDecisionInput) {
  const c = await loadCaseFor(ctx, applicationId, "applications.audit");
  const amount = await amountOfCase(ctx.db, c);
  const departments = departmentsOf(input.departments);
  if (departments.length > MAX_DEPARTMENTS || departments.some((d) => [...d].length > 50)) {
    throw new ValidationError("departments", `参加部门最多 ${MAX_DEPARTMENTS} 个，每个不超过 50 字`);
  }
  const meetingOn = typeof input.meetingOn === "string" ? input.meetingOn.trim() : "";
  const decided = typeof input.amount === "string" ? input.amount.trim() : typeof input.amount === "number" ? String(input.amount) : "";
  return runTransition(ctx, {
    applicationId: c.id,
    version: input.version,
    command: { action: "record_joint_decision", meetingOn, departments, amount: decided, ceiling: amount.ceiling },
    permission: "applications.audit",
    reason: `联席会议 ${meetingOn}（${departments.join("、")}）`,
    patch: (d, on) => ({
      computedAmount: amount.computed,
      approvedAmount: d.approvedAmount!,
      jointMeetingOn: meetingOn,
      jointMeetingDepartments: departments,
      approvedOn: on,
    }),
    within: async (tx, d) => {
      await lockPersonYear(tx, c.personId, c.year);
      const now = await amountOfCase(tx, c);
      if (now.ceiling !== amount.ceiling) throw new ApplicationChangedError();
      if (now.ceiling !== null && new Money(d.approvedAmount!).greaterThan(now.ceiling)) {
        throw new ValidationError("amount", `决定金额 ${d.approvedAmount} 元超过本年度救助限额剩余额度 ${now.ceiling} 元`);
      }
    },
  });
}
