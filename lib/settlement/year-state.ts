import type { Cents } from "./cents";

// What accumulates over the claims of one calendar year (docs/policy.md §4:
// deductibles, segment positions and annual limits), plus the sums the
// monitoring rules read. A new year starts from zero.

export type YearState = {
  year: number;
  basicDeductibleUsed: Cents;
  basicPaid: Cents;
  /** Accumulated critical-illness base (policy-scope cost after basic insurance). */
  criticalBase: Cents;
  criticalPaid: Cents;
  /** The yearly parameter the critical deductible is a share of (undefined when fixed or absent). */
  criticalParameter: Cents | undefined;
  /** This year's critical deductible after the tilt, resolved once; -1 = not resolved yet. */
  criticalDeductible: Cents;
  drugBase: Cents;
  drugPaid: Cents;
  /** Used amount per limit pool, by pool index. */
  pools: Cents[];
  /** Deductible used per assistance rule (perYear) or rule + application (perApplication). */
  ruleDeductibles: Map<string, Cents>;
  /** Accumulated self-paid base per tilted rule index (annual rules). */
  tiltedBase: Cents[];
  foodPaid: Cents;
  /**
   * What each rule paid from which pool this year ("a:<rule id>", "t:<tilted
   * rule id>", "p:<pool id>" for use made before these claims), so the year
   * can carry into another version's pools (year-carry.ts).
   */
  paid: Map<string, { pool: string; amount: Cents }>;
  selfPaid: Cents;
  afterBasicAndCritical: Cents;
  outOfScope: Cents;
};

export function newYearState(year: number, poolCount: number, tiltedCount: number, criticalParameter: Cents | undefined): YearState {
  return {
    year,
    criticalParameter,
    basicDeductibleUsed: 0,
    basicPaid: 0,
    criticalBase: 0,
    criticalPaid: 0,
    criticalDeductible: -1,
    drugBase: 0,
    drugPaid: 0,
    pools: new Array<number>(poolCount).fill(0),
    ruleDeductibles: new Map(),
    tiltedBase: new Array<number>(tiltedCount).fill(0),
    foodPaid: 0,
    paid: new Map(),
    selfPaid: 0,
    afterBasicAndCritical: 0,
    outOfScope: 0,
  };
}

type Pool = { index: number; id: string; limit: Cents | null; within: Pool | null };

/** Room left in a pool this year; Infinity when the pool has no limit. */
export function poolRoom(state: YearState, index: number, limit: Cents | null): number {
  return limit === null ? Number.POSITIVE_INFINITY : limit - (state.pools[index] ?? 0);
}

/**
 * The pool whose room binds a payment from `pool`: the pool itself, or the
 * shared pool it is nested in when that one has less room left.
 */
export function bindingPool<P extends Pool>(state: YearState, pool: P): P {
  const parent = pool.within as P | null;
  if (parent === null) return pool;
  return poolRoom(state, parent.index, parent.limit) < poolRoom(state, pool.index, pool.limit) ? parent : pool;
}

/** Adds a payment by `key` (see `paid`) to its pool and to the shared pool it is nested in. */
export function chargePool(state: YearState, pool: Pool, amount: Cents, key: string): void {
  for (let p: Pool | null = pool; p !== null; p = p.within) state.pools[p.index] = (state.pools[p.index] ?? 0) + amount;
  if (amount === 0) return;
  const before = state.paid.get(key);
  // Entries belong to one state (carryYear copies them), so they are added to in place.
  if (before !== undefined && before.pool === pool.id) before.amount += amount;
  else state.paid.set(key, { pool: pool.id, amount: (before?.amount ?? 0) + amount });
}
