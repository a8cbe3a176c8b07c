import type { Db } from "@/db/client";
import { findPolicyVersion } from "@/db/queries/policies";
import { systemActor } from "@/lib/auth/domain/system-actor";
import { DEMO_COUNTY } from "@/lib/demo/demo-divisions";
import { Money } from "@/lib/money/money";
import { copyPolicyVersion } from "@/lib/policies/copy-policy-version";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { savePolicyDraft } from "@/lib/policies/save-policy-draft";
import { DEMO_POLICY_ID } from "./policies";

// Demo: a draft for 政策测算 — the county's policy copied to a new policy id
// (its 2027 revision, so the county's own version numbers stay as a manager
// left them) with 常规医疗救助 for 特困 and 低保 raised by 5 points, made the way
// a manager makes it (copy, then edit the draft; audited). Never activated.

export const DEMO_DRAFT_ID = "longhui-2027";
const DEMO_DRAFT_NAME = "隆回县医疗救助政策（2027年修订草案）";
export const DEMO_DRAFT_NOTE = "示范草案：常规医疗救助（特困人员、低保对象）比例提高 5 个百分点，用于“政策测算”对比资金影响；未启用";

/** The record with every settlement-triggered assistance rule for 低保 raised by 5 points (at most 100 %). */
export function raisedRecord(record: PolicyRecord): PolicyRecord {
  const copy = structuredClone(record);
  for (const rule of copy.assistance.rules) {
    if (rule.trigger !== "settlement" || !rule.categories.includes("dibao")) continue;
    rule.ratioPercent = Money.min(new Money(rule.ratioPercent).plus(5), 100).toString();
  }
  return copy;
}

export async function seedDemoPolicyDraft(db: Db): Promise<Record<string, number> | null> {
  if (await findPolicyVersion(db, DEMO_DRAFT_ID, 1)) return null;
  const source = await findPolicyVersion(db, DEMO_POLICY_ID, 1);
  if (!source || source.status !== "active") return null;
  const ctx = { db, actor: systemActor("medical_security", DEMO_COUNTY, "manager") };
  const ref = await copyPolicyVersion(ctx, { policyId: DEMO_POLICY_ID, version: 1 }, { targetPolicyId: DEMO_DRAFT_ID, name: DEMO_DRAFT_NAME });
  const draft = (await findPolicyVersion(db, ref.policyId, ref.version))!;
  await savePolicyDraft(ctx, ref, { json: JSON.stringify(raisedRecord(draft.record as unknown as PolicyRecord)), note: DEMO_DRAFT_NOTE });
  return { "policy drafts": 1 };
}
