import "server-only";
import { versionsActivatedIn } from "@/db/queries/policies";
import { policyVersionInForce } from "@/db/queries/policy-in-force";
import type { Db } from "@/db";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { CATEGORIES, CATEGORY_INFO, type Category } from "@/lib/categories/categories";
import { hasAssistanceRule } from "@/lib/policies/domain/unassisted-categories";
import { divisionChain } from "@/lib/divisions/domain/division-chain";
import { NotFoundError } from "@/lib/errors/app-error";
import { getPreset, PRESET_IDS } from "@/lib/policies/domain/preset-registry";
import { yuan } from "@/lib/policies/domain/rule-text";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { storedRecord } from "./stored-record";
import { beijingToday } from "@/lib/calendar/domain/iso-date";

// The policies a 试算 may use: the region's own versions (activated for the
// user's division or one above it; never drafts) and the five presets.
// Option values are "version:<id>" and "preset:<id>".

export type TrialPolicyOption = {
  value: string;
  label: string;
  group: "本地区政策" | "预置政策";
  categories: { code: string; name: string }[];
  parameters: { name: string; label: string; configured: string }[];
  effective: string;
};

/**
 * Every category settles (docs/policy.md §1): the policy's own first, then the
 * rest; a category no assistance rule names says so beside its name.
 */
function trialCategories(p: PolicyRecord): { code: string; name: string }[] {
  const ordered: Category[] = [...p.categories, ...CATEGORIES.filter((c) => !p.categories.includes(c))];
  return ordered.map((c) => ({
    code: c,
    name: hasAssistanceRule(p, c) ? CATEGORY_INFO[c].name : `${CATEGORY_INFO[c].name}（无救助规则）`,
  }));
}

function describe(value: string, label: string, group: TrialPolicyOption["group"], p: PolicyRecord): TrialPolicyOption {
  return {
    value,
    label,
    group,
    categories: trialCategories(p),
    parameters: p.parameters.definitions.map((d) => {
      const values = p.parameters.values.filter((v) => v.name === d.name).sort((a, b) => a.year - b.year);
      return { name: d.name, label: d.label, configured: values.map((v) => `${v.year} 年 ${yuan(v.value)} 元`).join("，") };
    }),
    effective: `${p.effectiveFrom} 起${p.effectiveTo ? `，至 ${p.effectiveTo}` : ""}`,
  };
}

async function regionVersions(db: Db, jurisdiction: string) {
  const rows = await versionsActivatedIn(db, divisionChain(jurisdiction));
  return rows.filter((r) => r.status !== "draft").map((r) => ({ row: r, record: storedRecord(r) }));
}

export async function trialOptions(ctx: UseCaseContext): Promise<{ options: TrialPolicyOption[]; defaultValue: string }> {
  await requirePermission(ctx, "settlement.trial");
  const region = ctx.actor.user.jurisdiction;
  const [stored, inForce] = await Promise.all([regionVersions(ctx.db, region), policyVersionInForce(ctx.db, divisionChain(region), beijingToday())]);
  const options = [
    ...stored.map(({ row, record }) => describe(`version:${row.id}`, `${row.name}（${row.policyId} 第 ${row.version} 版）`, "本地区政策", record)),
    ...PRESET_IDS.map((id) => describe(`preset:${id}`, `${getPreset(id)!.name}（预置 ${id}）`, "预置政策", getPreset(id)!)),
  ];
  const preferred = inForce ? `version:${inForce.id}` : `preset:${PRESET_IDS[0]}`;
  return { options, defaultValue: options.some((o) => o.value === preferred) ? preferred : options[0]!.value };
}

/** The record behind an option value, if the user may use it. */
export async function trialPolicy(ctx: UseCaseContext, value: string): Promise<{ record: PolicyRecord; label: string }> {
  const preset = /^preset:(.+)$/.exec(value);
  if (preset) {
    const record = getPreset(preset[1]!);
    if (record) return { record, label: `${record.name}（预置 ${record.id}）` };
  }
  const version = /^version:(\d{1,9})$/.exec(value);
  if (version) {
    const found = (await regionVersions(ctx.db, ctx.actor.user.jurisdiction)).find((v) => v.row.id === Number(version[1]));
    if (found) return { record: found.record, label: `${found.row.name}（${found.row.policyId} 第 ${found.row.version} 版）` };
  }
  throw new NotFoundError("找不到所选政策，请刷新页面后重新选择。");
}
