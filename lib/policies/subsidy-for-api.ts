import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { computeSubsidy } from "@/lib/subsidy/compute-subsidy";
import { parseSubsidyInput, presetResolver } from "@/lib/subsidy/parse-subsidy-input";
import { toSubsidyOutput, type SubsidyOutput } from "@/lib/subsidy/subsidy-output";
import { ContractInputError, parseRequestJson } from "./domain/contract-input-error";
import { pickVersionForYear } from "./domain/pick-version";
import { publishedCandidates } from "./published-candidates";

/**
 * POST /api/v1/subsidy: the CLI's `subsidy` JSON in, the same JSON out. A
 * stored policy id uses its published version whose subsidy rules cover the
 * request's year (the newest such version); a preset id without stored
 * versions is the shipped preset. Same permission and audit rule as the
 * settlement API (settle-for-api.ts): a calculation, audited only when made
 * with an API token.
 */
export async function subsidyForApi(ctx: UseCaseContext, bodyText: string, opts: { viaToken: boolean }): Promise<SubsidyOutput> {
  await requirePermission(ctx, "settlement.trial", { objectType: "subsidy" });
  const body = parseRequestJson(bodyText);
  const o = body && typeof body === "object" ? (body as { policy?: unknown; year?: unknown }) : {};
  const stored = await publishedCandidates(ctx.db, o.policy);
  const chosen = stored.length > 0 ? pickVersionForYear(stored, o.year) : null;
  const parsed = parseSubsidyInput(body, (id) => (chosen && id === o.policy ? chosen.record.subsidy : presetResolver(id)));
  if (!parsed.ok) throw new ContractInputError(parsed.problem, parsed.error);
  const output = toSubsidyOutput(computeSubsidy(parsed.value.rules, parsed.value.input));
  if (opts.viaToken) {
    await insertAudit(
      ctx.db,
      auditRow(ctx.actor, {
        action: "api.subsidy",
        objectType: "policy",
        objectId: parsed.value.policy,
        detail: { version: chosen?.version ?? "preset", year: parsed.value.input.year },
      }),
    );
  }
  return output;
}
