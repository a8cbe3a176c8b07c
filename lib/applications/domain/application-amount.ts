import { CATEGORY_INFO, type Category } from "@/lib/categories/categories";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { formatCents, yuanToCents, type Cents } from "@/lib/settlement/cents";
import { compilePolicy, planFor } from "@/lib/settlement/compile-policy";
import { settleClaims } from "@/lib/settlement/settle-claims";
import type { ClaimInput, TraceEntry } from "@/lib/settlement/types";
import { WorkflowError } from "./workflow-errors";

// What an application is worth, computed by the settlement engine — no second
// engine here. The ticked claims go through settleClaims as on-application
// claims of this one application (they share its per-application deductible,
// 003 §三(八) "起付线 6000 元 … 按次"), with the year's limit pool starting
// from the assistance already approved on the person's other applications
// that year ("年度救助最高限额为 5 万元"), so a second application gets only
// what is left. The engine's trace is what the reviewer sees.

/** Policies whose on-application cases are decided by the joint meeting, with the words that say so. */
export const JOINT_MEETING_POLICIES: Readonly<Record<string, string>> = {
  // 000 §三(八): "符合规定的个人自付费用，通过部门联席会议一事一议，酌情予以救助".
  // Until the policy record carries this as a field, it is listed here by policy id.
  "chengkou-2022": "000 §三(八)“通过部门联席会议一事一议，酌情予以救助”",
};

export type ApplicationClaim = Omit<ClaimInput, "onApplication" | "applicationId" | "category">;

export type ApplicationAmountInput = {
  policy: PolicyRecord;
  /** The applicant's consolidated category on the acceptance date. */
  category: Category;
  applicationId: string;
  /** The application's calendar year; every ticked claim must lie in it. */
  year: number;
  claims: readonly ApplicationClaim[];
  /** Assistance already approved this year on the person's other applications, in fen (counts against the pool). */
  approvedBefore: Cents;
};

export type ApplicationAmount = {
  /** What the policy allows for these claims (yuan, two decimals). */
  computed: string;
  /** Policy-scope cost left after basic insurance and critical illness: what the rule works on. */
  eligible: string;
  /** The annual pool: its name and limit, what was approved before, the room left; null when the rule has no limit. */
  pool: { name: string; limit: string; approvedBefore: string; room: string } | null;
  /** The room an approval may not exceed (the pool's room), null when unlimited. */
  ceiling: string | null;
  /** The policy has this case decided by the joint meeting (000). */
  jointMeeting: boolean;
  /** The rule applied, or why none applies. */
  rule: string | null;
  claims: { id: string; basic: string; critical: string; assistance: string; trace: TraceEntry[] }[];
};

function onApplicationRule(policy: PolicyRecord, category: Category) {
  const plan = planFor(compilePolicy(policy), category);
  return plan.assistance.find((r) => r.trigger !== "settlement") ?? null;
}

export function applicationAmount(input: ApplicationAmountInput): ApplicationAmount {
  const { policy, category, year } = input;
  if (input.claims.length === 0) throw new WorkflowError("guard", "请至少勾选一条本年度的结算记录", "claims");
  for (const c of input.claims) {
    if (Number(c.date.slice(0, 4)) !== year) {
      throw new WorkflowError("guard", `结算记录 ${c.id} 的日期 ${c.date} 不在申请年度 ${year} 年内，不能计入本次申请`, "claims");
    }
  }
  if (!Number.isSafeInteger(input.approvedBefore) || input.approvedBefore < 0) throw new Error("approvedBefore must be whole fen ≥ 0");
  const jointMeeting = Object.hasOwn(JOINT_MEETING_POLICIES, policy.id);
  const rule = onApplicationRule(policy, category);
  const poolUse = rule ? { [year]: { [rule.pool.id]: input.approvedBefore } } : undefined;
  const claims: ClaimInput[] = input.claims.map((c) => ({ ...c, onApplication: true, applicationId: input.applicationId }));
  // Every category settles; one that no on-application rule names gets 0 with the reason.
  const result = settleClaims(policy, { category, claims, ...(poolUse ? { poolsUsedBefore: poolUse } : {}) });
  let eligible = 0;
  let computed = 0;
  const out: ApplicationAmount["claims"] = [];
  for (const c of result.claims) {
    const source = claims.find((x) => x.id === c.id)!;
    const left = source.policyScopeCost - yuanToCents(c.basic) - yuanToCents(c.critical);
    eligible += left;
    computed += yuanToCents(c.assistance);
    out.push({ id: c.id, basic: c.basic, critical: c.critical, assistance: c.assistance, trace: c.trace });
  }
  const limit = rule?.pool.limit ?? null;
  const room = limit === null ? null : Math.max(0, limit - input.approvedBefore);
  return {
    computed: formatCents(computed),
    eligible: formatCents(eligible),
    pool:
      rule && limit !== null && room !== null
        ? { name: rule.pool.name, limit: formatCents(limit), approvedBefore: formatCents(input.approvedBefore), room: formatCents(room) }
        : null,
    ceiling: room === null ? null : formatCents(room),
    jointMeeting,
    rule: rule ? rule.label : `本政策对${CATEGORY_INFO[category].name}未配置依申请救助规则`,
    claims: out,
  };
}
