import { OUTCOMES, OUTCOME_NAMES, type Outcome } from "@/lib/monitoring/domain/flag-view";
import type { MonitoringFigure } from "./dashboard";

// The dashboard's monitoring figure (pure): flags raised for the years, how
// many are still open, the closed ones by outcome (every outcome listed, in
// the worklist's order, with its Chinese name, even at 0), per child division.

export function buildMonitoringFigure(input: {
  division: string;
  name: string;
  years: number[];
  groups: readonly { child: string; status: "open" | "closed"; outcome: string | null; flags: number }[];
  children: readonly { code: string; name: string }[];
}): MonitoringFigure {
  const byOutcome = new Map<string, number>();
  const perChild = new Map(input.children.map((c) => [c.code, { raised: 0, open: 0 }]));
  let raised = 0;
  let open = 0;
  for (const g of input.groups) {
    raised += g.flags;
    if (g.status === "open") open += g.flags;
    else if (g.outcome) byOutcome.set(g.outcome, (byOutcome.get(g.outcome) ?? 0) + g.flags);
    const c = perChild.get(g.child);
    if (c) {
      c.raised += g.flags;
      if (g.status === "open") c.open += g.flags;
    }
  }
  const known = (o: string): o is Outcome => (OUTCOMES as readonly string[]).includes(o);
  const outcomes = [...OUTCOMES, ...[...byOutcome.keys()].filter((o) => !known(o)).sort()];
  return {
    division: input.division,
    name: input.name,
    years: input.years,
    raised,
    open,
    byOutcome: outcomes.map((outcome) => ({ outcome, label: known(outcome) ? OUTCOME_NAMES[outcome] : outcome, flags: byOutcome.get(outcome) ?? 0 })),
    children: input.children.map((c) => ({ division: c.code, name: c.name, ...perChild.get(c.code)! })),
  };
}
