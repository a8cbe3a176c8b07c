import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { CATEGORY_INFO, isCategory } from "@/lib/categories/categories";
import { ValidationError } from "@/lib/errors/app-error";
import { parseSettleInput } from "@/lib/settlement/parse-settle-input";
import { settleClaims } from "@/lib/settlement/settle-claims";
import type { SettlementResult } from "@/lib/settlement/types";
import { problemToChinese, type ChineseProblem } from "./domain/settle-message-zh";
import { trialInput, trialProblems, trialRequest } from "./domain/trial-form";
import { trialPolicy } from "./trial-options";

export type TrialOutcome =
  | { ok: true; result: SettlementResult; policyLabel: string; categoryName: string; request: Record<string, unknown> }
  | { ok: false; problems: ChineseProblem[] };

/**
 * 试算: settles the claims typed on the page under the chosen policy, exactly
 * as the API and the CLI would (the same contract JSON goes through the same
 * parser and engine). Nothing is stored and nothing audited: a trial is a
 * calculation, like reading a page. Every shape problem is returned at once,
 * per row; problems that need the policy (dates outside the version, a
 * required settled amount) come one at a time, as the engine finds them.
 */
export async function runTrialSettlement(ctx: UseCaseContext, raw: unknown): Promise<TrialOutcome> {
  await requirePermission(ctx, "settlement.trial");
  const parsed = trialInput.safeParse(raw);
  if (!parsed.success) throw new ValidationError("input", "试算内容不完整或过长（最多 50 笔），请刷新页面后重新填写");
  const input = parsed.data;
  const { record, label } = await trialPolicy(ctx, input.policy);
  if (!isCategory(input.category)) {
    return { ok: false, problems: [{ field: "person.category", row: null, message: "救助对象类别：请从列表中选择一个类别" }] };
  }
  if (input.claims.length === 0) return { ok: false, problems: [{ field: "claims", row: null, message: "就医记录：请至少填写一笔" }] };
  const request = trialRequest(record.id, input);
  const problems = trialProblems(request);
  if (problems.length > 0) return { ok: false, problems };
  const settled = parseSettleInput(request, { resolvePolicy: (id) => (id === record.id ? record : undefined) });
  if (!settled.ok) return { ok: false, problems: [problemToChinese(settled.problem)] };
  return {
    ok: true,
    result: settleClaims(settled.value.policy, settled.value.input),
    policyLabel: label,
    categoryName: CATEGORY_INFO[input.category].name,
    request,
  };
}
