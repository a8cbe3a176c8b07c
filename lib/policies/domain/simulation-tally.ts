import type { Category } from "@/lib/categories/categories";
import { formatCents, yuanToCents } from "@/lib/settlement/cents";
import type { TierAmounts } from "@/lib/settlement/types";

// 政策测算's arithmetic: the claims of a period settled under the version in
// force (现行) and under a draft (草案), summed per tier, per category and per
// township; the assistance fund (医疗救助 + 倾斜救助); who pays more or less;
// the largest changes per person; premium subsidies by funding source. Pure:
// the use case feeds it person by person as it streams the ledger, so only the
// running sums and the N largest changes are ever held.
//
// Amounts are integer fen in JS numbers (exact up to 9·10^15 fen, far beyond
// any county's year); they leave as the contract's "1234.50" strings.

export const SIM_TIERS = ["basic", "critical", "assistance", "tilted", "selfPaid"] as const;
export type SimTier = (typeof SIM_TIERS)[number];

type Fen = [number, number, number, number, number];
const zero = (): Fen => [0, 0, 0, 0, 0];

function fenOfAmounts(a: TierAmounts): Fen {
  return [yuanToCents(a.basic), yuanToCents(a.critical), yuanToCents(a.assistance), yuanToCents(a.tilted), yuanToCents(a.selfPaid)];
}

function addFen(into: Fen, f: Fen): void {
  into[0] += f[0];
  into[1] += f[1];
  into[2] += f[2];
  into[3] += f[3];
  into[4] += f[4];
}

const asAmounts = (f: Fen): Record<SimTier, string> => ({
  basic: formatCents(f[0]),
  critical: formatCents(f[1]),
  assistance: formatCents(f[2]),
  tilted: formatCents(f[3]),
  selfPaid: formatCents(f[4]),
});

const minus = (a: Fen, b: Fen): Fen => [a[0] - b[0], a[1] - b[1], a[2] - b[2], a[3] - b[3], a[4] - b[4]];

/** One side's amounts, the other's, and draft − current, per tier. */
export type Comparison = { current: Record<SimTier, string>; draft: Record<SimTier, string>; diff: Record<SimTier, string> };

export type Breakdown = Comparison & { key: string; claims: number };

/** One claim of the period under both versions; `reasons`: why it differs (trace diff), empty when it does not. */
export type SimulatedClaim = { category: Category; current: TierAmounts; draft: TierAmounts; reasons: readonly string[] };

export type SimulatedPerson = { personId: string; township: string; claims: readonly SimulatedClaim[] };

/**
 * The same person as the engine leaves it (政策测算's county-wide run): claim
 * k's five amounts in fen at current[5k…5k+4] and draft[5k…5k+4] (basic,
 * critical, assistance, tilted, selfPaid), its category and its reasons.
 */
export type SimulatedPersonFen = {
  personId: string;
  township: string;
  categories: readonly Category[];
  current: readonly number[];
  draft: readonly number[];
  reasons: readonly (readonly string[])[];
};

export type PersonChange = {
  personId: string;
  township: string;
  claims: number;
  /** 医疗救助 + 倾斜救助 under each side, and what the person pays. */
  current: { fund: string; selfPaid: string };
  draft: { fund: string; selfPaid: string };
  /** Draft − current of what the person pays (negative: pays less). */
  selfPaidChange: string;
  reasons: string[];
};

export const SUBSIDY_SOURCES = ["medical_assistance", "finance", "personal"] as const;
export type SubsidySource = (typeof SUBSIDY_SOURCES)[number];

/** One enrolment's split under a side, or why none was computed. */
export type SubsidySide = { ok: true; funding: readonly { source: string; amount: string }[] } | { ok: false; reason: string };

export type SubsidyComparison = {
  enrolments: number;
  current: Record<SubsidySource, string>;
  draft: Record<SubsidySource, string>;
  diff: Record<SubsidySource, string>;
  /** Enrolments with no subsidy computed, by reason, per side. */
  notComputed: { current: Record<string, number>; draft: Record<string, number> };
  /** Enrolments whose subsidy (the non-personal part) differs. */
  changed: number;
};

export type SimulationProblem = { personId: string; claims: number; reason: string };

export type SimulationSummary = {
  people: number;
  claims: number;
  totals: Comparison;
  /** 医疗救助资金支出: assistance + tilted. */
  fund: { current: string; draft: string; diff: string };
  byCategory: Breakdown[];
  byTownship: Breakdown[];
  /** People whose self-paid total goes up, down, or stays. */
  paying: { more: number; less: number; same: number };
  /** Reasons named by the trace diff, with the number of claims each explains, most frequent first. */
  reasons: { text: string; claims: number }[];
  largest: PersonChange[];
  subsidy: SubsidyComparison;
  problems: { personYears: number; claims: number; examples: SimulationProblem[] };
};

type Bucket = { claims: number; current: Fen; draft: Fen };

function bucket(map: Map<string, Bucket>, key: string): Bucket {
  let b = map.get(key);
  if (!b) map.set(key, (b = { claims: 0, current: zero(), draft: zero() }));
  return b;
}

function breakdowns(map: Map<string, Bucket>): Breakdown[] {
  return [...map.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, b]) => ({ key, claims: b.claims, current: asAmounts(b.current), draft: asAmounts(b.draft), diff: asAmounts(minus(b.draft, b.current)) }));
}

type Ranked = { personId: string; township: string; claims: number; current: Fen; draft: Fen; change: number; reasons: string[] };

/** Larger |change| first; ties by person id so the list is the same on every run. */
function before(a: Ranked, b: Ranked): boolean {
  const x = Math.abs(a.change);
  const y = Math.abs(b.change);
  return x !== y ? x > y : a.personId < b.personId;
}

/** One side of an enrolment added to `into` by source (or its reason to `missing`); returns its non-personal part. A function, not a closure per enrolment. */
function sumSide(side: SubsidySide, into: number[], missing: Record<string, number>): number {
  if (!side.ok) {
    missing[side.reason] = (missing[side.reason] ?? 0) + 1;
    return 0;
  }
  let paid = 0;
  for (const f of side.funding) {
    const i = SUBSIDY_SOURCES.indexOf(f.source as SubsidySource);
    if (i < 0) continue;
    const fen = yuanToCents(f.amount);
    into[i]! += fen;
    if (f.source !== "personal") paid += fen;
  }
  return paid;
}

const MAX_PROBLEM_EXAMPLES = 20;
const MAX_REASONS_PER_PERSON = 8;

export class SimulationTally {
  private people = 0;
  private claims = 0;
  private readonly current = zero();
  private readonly draft = zero();
  private readonly categories = new Map<string, Bucket>();
  private readonly townships = new Map<string, Bucket>();
  private readonly paying = { more: 0, less: 0, same: 0 };
  private readonly reasonCounts = new Map<string, number>();
  private readonly top: Ranked[] = [];
  private readonly problems = { personYears: 0, claims: 0, examples: [] as SimulationProblem[] };
  private readonly subsidy = {
    enrolments: 0,
    current: [0, 0, 0],
    draft: [0, 0, 0],
    notCurrent: {} as Record<string, number>,
    notDraft: {} as Record<string, number>,
    changed: 0,
  };

  /** `largest`: how many of the largest per-person changes to keep. */
  constructor(private readonly largest: number) {}

  /** A person's claims within the period (claims before it, settled only for the year's accumulators, are left out by the caller). */
  addPerson(p: SimulatedPerson): void {
    const current: number[] = [];
    const draft: number[] = [];
    for (const c of p.claims) {
      current.push(...fenOfAmounts(c.current));
      draft.push(...fenOfAmounts(c.draft));
    }
    this.addPersonFen({ personId: p.personId, township: p.township, categories: p.claims.map((c) => c.category), current, draft, reasons: p.claims.map((c) => c.reasons) });
  }

  /** addPerson with the amounts in fen, as the engine gives them. */
  addPersonFen(p: SimulatedPersonFen): void {
    const n = p.categories.length;
    if (n === 0) return;
    this.people++;
    this.claims += n;
    const mine: Ranked = { personId: p.personId, township: p.township, claims: n, current: zero(), draft: zero(), change: 0, reasons: [] };
    const town = bucket(this.townships, p.township);
    town.claims += n;
    let cat: Bucket | null = null;
    let catKey = "";
    for (let k = 0; k < n; k++) {
      const category = p.categories[k]!;
      if (cat === null || category !== catKey) {
        cat = bucket(this.categories, category);
        catKey = category;
      }
      cat.claims++;
      for (let t = 0; t < 5; t++) {
        const a = p.current[5 * k + t]!;
        const b = p.draft[5 * k + t]!;
        mine.current[t]! += a;
        mine.draft[t]! += b;
        cat.current[t]! += a;
        cat.draft[t]! += b;
      }
      for (const r of p.reasons[k]!) {
        this.reasonCounts.set(r, (this.reasonCounts.get(r) ?? 0) + 1);
        if (!mine.reasons.includes(r) && mine.reasons.length < MAX_REASONS_PER_PERSON) mine.reasons.push(r);
      }
    }
    addFen(town.current, mine.current);
    addFen(town.draft, mine.draft);
    for (let i = 0; i < 5; i++) {
      this.current[i]! += mine.current[i]!;
      this.draft[i]! += mine.draft[i]!;
    }
    mine.change = mine.draft[4] - mine.current[4];
    if (mine.change > 0) this.paying.more++;
    else if (mine.change < 0) this.paying.less++;
    else this.paying.same++;
    this.rank(mine);
  }

  private rank(r: Ranked): void {
    if (this.largest <= 0 || r.change === 0) return;
    const top = this.top;
    if (top.length === this.largest && !before(r, top[top.length - 1]!)) return;
    let i = top.length;
    while (i > 0 && before(r, top[i - 1]!)) i--;
    top.splice(i, 0, r);
    if (top.length > this.largest) top.pop();
  }

  /** A person-year left out on both sides (no version in force on a claim date, a parameter the draft lacks …). */
  addProblem(p: SimulationProblem): void {
    this.problems.personYears++;
    this.problems.claims += p.claims;
    if (this.problems.examples.length < MAX_PROBLEM_EXAMPLES) this.problems.examples.push(p);
  }

  /** One enrolment of the period's years under both versions. */
  addEnrolment(current: SubsidySide, draft: SubsidySide): void {
    const s = this.subsidy;
    s.enrolments++;
    const a = sumSide(current, s.current, s.notCurrent);
    const b = sumSide(draft, s.draft, s.notDraft);
    if (a !== b) s.changed++;
  }

  summary(): SimulationSummary {
    const fund = (f: Fen) => f[2] + f[3];
    const bySource = (f: number[]) => Object.fromEntries(SUBSIDY_SOURCES.map((k, i) => [k, formatCents(f[i]!)])) as Record<SubsidySource, string>;
    const s = this.subsidy;
    return {
      people: this.people,
      claims: this.claims,
      totals: { current: asAmounts(this.current), draft: asAmounts(this.draft), diff: asAmounts(minus(this.draft, this.current)) },
      fund: { current: formatCents(fund(this.current)), draft: formatCents(fund(this.draft)), diff: formatCents(fund(this.draft) - fund(this.current)) },
      byCategory: breakdowns(this.categories),
      byTownship: breakdowns(this.townships),
      paying: { ...this.paying },
      reasons: [...this.reasonCounts.entries()]
        .sort(([a, x], [b, y]) => (x !== y ? y - x : a < b ? -1 : a > b ? 1 : 0))
        .map(([text, claims]) => ({ text, claims })),
      largest: this.top.map((r) => ({
        personId: r.personId,
        township: r.township,
        claims: r.claims,
        current: { fund: formatCents(fund(r.current)), selfPaid: formatCents(r.current[4]) },
        draft: { fund: formatCents(fund(r.draft)), selfPaid: formatCents(r.draft[4]) },
        selfPaidChange: formatCents(r.change),
        reasons: r.reasons,
      })),
      subsidy: {
        enrolments: s.enrolments,
        current: bySource(s.current),
        draft: bySource(s.draft),
        diff: bySource(s.draft.map((v, i) => v - s.current[i]!)),
        notComputed: { current: { ...s.notCurrent }, draft: { ...s.notDraft } },
        changed: s.changed,
      },
      problems: { personYears: this.problems.personYears, claims: this.problems.claims, examples: [...this.problems.examples] },
    };
  }
}
