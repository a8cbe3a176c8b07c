import { DEMO_COUNTY } from "@/lib/demo/demo-divisions";
import { systemActor } from "@/lib/auth/domain/system-actor";
import { activatePolicyVersion } from "@/lib/policies/activate-policy-version";
import { copyPolicyVersion } from "@/lib/policies/copy-policy-version";
import { savePolicyDraft } from "@/lib/policies/save-policy-draft";
import { getPreset, PRESET_IDS } from "@/lib/policies/domain/preset-registry";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { findPolicyVersion, hasActivationIn, insertVersionsIfMissing } from "@/db/queries/policies";
import type { Db } from "@/db/client";

export const PRESET_NOTE = "随系统内置：据种子文件逐条注明出处，文件未明确的项目采用默认值并已标注";

/**
 * Reference data: each of the five presets as version 1 of its own policy id
 * (status active, based on itself), unless that version exists. Safe on any
 * database. Returns the policy ids stored.
 */
export async function seedPolicyPresets(db: Db): Promise<string[]> {
  return insertVersionsIfMissing(
    db,
    PRESET_IDS.map((id) => {
      const record = getPreset(id)!;
      return { policyId: id, version: 1, name: record.name, basedOn: id, record: record as unknown as Record<string, unknown>, status: "active" as const, note: PRESET_NOTE, createdBy: null };
    }),
  );
}

export const DEMO_POLICY_ID = "longhui-2026";
const DEMO_NAME = "隆回县医疗救助政策（据邵阳市2021年办法）";
export const DEMO_POLICY_NOTE =
  "示范数据：复制自邵阳市预置政策（shaoyang-2021），文件未给出的年度参数“上年度人均可支配收入”按示范值填写（非官方统计），上线前请按统计公报更正并启用新版本";

// Year Y's figure is the prior year's income that claims of year Y are measured against.
const DEMO_INCOME: Record<number, string> = { 2021: "24000", 2022: "25500", 2023: "26800", 2024: "28000", 2025: "29500", 2026: "31000" };

function demoRecord(copied: Record<string, unknown>): PolicyRecord {
  const record = structuredClone(copied) as unknown as PolicyRecord;
  record.region = { name: "湖南省邵阳市隆回县", level: "county" };
  record.parameters.values = Object.entries(DEMO_INCOME).map(([year, value]) => ({
    year: Number(year),
    name: "priorYearIncome" as const,
    value,
    source: {
      doc: "003",
      paragraph: "§三(八)",
      defaulted: true,
      note: `示范数据（非官方统计）：${Number(year) - 1} 年邵阳市居民人均可支配收入按 ${value} 元填写，上线前请按统计公报更正`,
    },
  }));
  return record;
}

/**
 * Demo: 隆回县's own version of 邵阳's policy, made the way a manager makes it
 * (copy → edit → activate, through the real use cases and their audit), and
 * in force in the county from 2021-09-01. Runs while the county has no
 * activation; resumes a draft an interrupted run left.
 */
export async function seedDemoPolicy(db: Db): Promise<Record<string, number> | null> {
  if (await hasActivationIn(db, DEMO_COUNTY)) return null;
  const ctx = { db, actor: systemActor("medical_security", DEMO_COUNTY, "manager") };
  const ref = { policyId: DEMO_POLICY_ID, version: 1 };
  if (!(await findPolicyVersion(db, ref.policyId, ref.version))) {
    await copyPolicyVersion(ctx, { policyId: "shaoyang-2021", version: 1 }, { targetPolicyId: DEMO_POLICY_ID, name: DEMO_NAME });
  }
  const draft = (await findPolicyVersion(db, ref.policyId, ref.version))!;
  if (draft.status === "draft") {
    await savePolicyDraft(ctx, ref, { json: JSON.stringify(demoRecord(draft.record)), note: DEMO_POLICY_NOTE });
  }
  await activatePolicyVersion(ctx, ref, { activeFrom: "2021-09-01" });
  return { "county policy activations": 1 };
}
