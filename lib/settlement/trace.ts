import * as cents from "./cents";
import type { Cents } from "./cents";
import type { Tier, TraceEntry, TraceSegment } from "./types";

// Trace lines in one key order, the order a clerk checks them by hand:
// base − deductible, × ratio (or by segment), within the limit → amount.
// Every entry has the same keys (absent ones undefined, which JSON omits), so
// the engine builds one object shape and stays fast.

// A module-local copy: an imported function is read through a getter on every call under CommonJS interop (tsx, the CLI).
const { formatCents } = cents;

type Extras = { deductible?: Cents; ratio?: string; segments?: TraceSegment[]; limit?: Cents | null };

export function traceEntry(tier: Tier, rule: string, base: Cents, amount: Cents, extras?: Extras): TraceEntry {
  const deductible = extras?.deductible;
  const limit = extras?.limit;
  return {
    tier,
    rule,
    base: formatCents(base),
    deductible: deductible !== undefined && deductible > 0 ? formatCents(deductible) : undefined,
    ratio: extras?.ratio,
    segments: extras?.segments,
    limit: limit !== undefined && limit !== null ? formatCents(limit) : undefined,
    amount: formatCents(amount),
  };
}
