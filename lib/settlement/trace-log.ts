// The engine's compact trace: while settling, each trace line is recorded as
// a code and its integer arguments (fen, indexes into the person's plan)
// appended to one number array per settlement; render-trace.ts turns them
// into the Chinese TraceEntry lines of docs/cli.md only when they are shown.
// Recording costs a few array slots per line instead of strings and objects,
// which is what lets the batch paths (the benchmark, 政策测算) settle at
// millions of claims a second and still say why for any claim.
//
// Each code is followed by a fixed number of arguments, listed below in order.
// "plan" means the PersonPlan of the claim's category; pool indexes are
// CompiledPolicy.pools indexes.

/** basicPaid given: base, amount. */
export const BASIC_GIVEN = 1;
/** Computed basic insurance: base, deductible, amount, limited (1: the annual cap cut it). */
export const BASIC = 2;
/** criticalPaid given: base, amount. */
export const CRITICAL_GIVEN = 3;
/** Special drug (plan.critical.drug): base, deductible, amount, limited. */
export const CRITICAL_DRUG = 4;
/** General critical illness: base, accumulated base before the claim, the year's deductible, amount, limited. */
export const CRITICAL = 5;
/** No assistance rule applies (refusal or none names the claim): base. */
export const ASSISTANCE_NONE = 6;
/** Assistance paid: rule index in plan.assistance, base, deductible, amount, capped, binding pool, pool room before (when capped). */
export const ASSISTANCE = 7;
/** PKU food asked, no food rule for the category: base. */
export const FOOD_NONE = 8;
/** PKU food paid: band index, age, base, amount, capped, food paid before. */
export const FOOD = 9;
/** 医疗机构减免 / 商业补充保险 taken off the tilted base: waived, commercial, left, taken. */
export const WAIVED = 10;
/** Tilted rule refused by setting, referral or city: tilted index in plan.tilted, left. */
export const TILTED_REFUSED = 11;
/** Tilted rule below its threshold: tilted index, figure, left. */
export const TILTED_ZERO = 12;
/** Tilted rule paid: tilted index, base, amount, capped, binding pool, pool room before (when capped), figure. */
export const TILTED = 13;
/** 目录外 cost: amount. */
export const OUT_OF_SCOPE = 14;

/** How many arguments follow each code. */
export const ARITY: readonly number[] = [0, 2, 4, 2, 4, 5, 1, 7, 1, 6, 4, 2, 3, 7, 1];

/** Amounts per claim in CompactSettlement.amounts: basic, critical, assistance, tilted, selfPaid. */
export const AMOUNTS_PER_CLAIM = 5;
