import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { isValidDate } from "@/lib/policies/domain/schema/primitives";
import { problem, type InputProblem } from "@/lib/settlement/settle-input-error";
import { versionInForce } from "@/lib/policies/domain/versions";
import { coversYear } from "@/lib/subsidy/compute-subsidy";

// Which published version of a stored policy id an API request is computed
// under. Settlement: the version in force on the claims' dates (each
// version's own effectiveFrom–effectiveTo), one version per request, because
// the engine's annual accumulators run within one policy. Subsidy: the
// version whose subsidy rules cover the contribution year.

export type Candidate = { versionId: number; version: number; record: PolicyRecord };
export type Pick = { ok: true; chosen: Candidate } | { ok: false; problem: InputProblem };

const latest = (cands: readonly Candidate[]) => cands.reduce((a, b) => (b.version > a.version ? b : a));

/** The claims' dates as sent, for picking before the full parse (bad ones are the parser's to report). */
export function claimDates(body: unknown): (string | null)[] {
  const claims = body && typeof body === "object" ? (body as { claims?: unknown }).claims : undefined;
  if (!Array.isArray(claims)) return [];
  return claims.map((c) => {
    const d = c && typeof c === "object" ? (c as { date?: unknown }).date : undefined;
    return typeof d === "string" && isValidDate(d) ? d : null;
  });
}

export function pickVersionForDates(cands: readonly Candidate[], dates: readonly (string | null)[]): Pick {
  const spans = cands.map((c) => ({ id: c.record.id, version: c.version, effectiveFrom: c.record.effectiveFrom, effectiveTo: c.record.effectiveTo, c }));
  let anchor: { index: number; c: Candidate } | null = null;
  for (const [i, d] of dates.entries()) {
    if (d === null) continue;
    const hit = versionInForce(spans, d)?.c;
    if (!hit) continue;
    if (!anchor) anchor = { index: i, c: hit };
    else if (hit.versionId !== anchor.c.versionId) {
      return {
        ok: false,
        problem: problem(`claims[${i}].date`, "versionSplit", {
          date: d,
          version: hit.version,
          policy: hit.record.id,
          from: hit.record.effectiveFrom,
          other: anchor.index,
          otherVersion: anchor.c.version,
        }),
      };
    }
  }
  if (anchor) return { ok: true, chosen: anchor.c };
  // No date inside any version: the nearest one, whose date check then names the claim.
  const first = dates.find((d) => d !== null);
  const earliest = cands.reduce((a, b) => (b.record.effectiveFrom < a.record.effectiveFrom ? b : a));
  return { ok: true, chosen: first && first < earliest.record.effectiveFrom ? earliest : latest(cands) };
}

export function pickVersionForYear(cands: readonly Candidate[], year: unknown): Candidate {
  const covering = typeof year === "number" ? cands.filter((c) => coversYear(c.record.subsidy, year)) : [];
  return latest(covering.length > 0 ? covering : cands);
}
