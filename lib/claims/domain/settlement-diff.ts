import { createHash } from "node:crypto";
import { yuanToCents } from "@/lib/settlement/cents";
import type { TierAmounts } from "@/lib/settlement/types";
import type { SettledClaim } from "./settle-year";

// Which claims a (re-)settlement actually changes. A stored result is kept
// when the new one is the same: same category, version, five amounts and
// trace. Only the others get a new claim_settlements row (the old one is
// superseded), so re-importing or re-settling with nothing changed writes
// nothing.

export type StoredSettlement = TierAmounts & { id: number; claimId: string; versionId: number; category: string; trace: unknown[] };

export type SettlementChange = {
  claimId: string;
  previous: StoredSettlement | null;
  next: SettledClaim;
  /** Some tier's amount differs (else only category, version or the explanation changed). */
  amountsChanged: boolean;
};

export const TIERS = ["basic", "critical", "assistance", "tilted", "selfPaid"] as const;
export type TierKey = (typeof TIERS)[number];

/** JSON with sorted keys and no undefined values: jsonb does not keep key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function sameAmounts(a: StoredSettlement, b: SettledClaim): boolean {
  return TIERS.every((t) => yuanToCents(a[t]) === yuanToCents(b[t]));
}

export function diffSettlements(current: ReadonlyMap<string, StoredSettlement>, next: readonly SettledClaim[]): SettlementChange[] {
  const changes: SettlementChange[] = [];
  for (const n of next) {
    const prev = current.get(n.claimId) ?? null;
    if (!prev) {
      changes.push({ claimId: n.claimId, previous: null, next: n, amountsChanged: true });
      continue;
    }
    const amounts = sameAmounts(prev, n);
    const same = amounts && prev.versionId === n.versionId && prev.category === n.category && canonicalJson(prev.trace) === canonicalJson(n.trace);
    if (!same) changes.push({ claimId: n.claimId, previous: prev, next: n, amountsChanged: !amounts });
  }
  return changes;
}

/** Identifies a set of changes, so that applying a preview can check nothing moved in between. */
export function changesFingerprint(changes: readonly SettlementChange[]): string {
  const parts = changes
    .map((c) => canonicalJson([c.claimId, c.previous?.id ?? null, c.next]))
    .sort();
  return createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 32);
}
