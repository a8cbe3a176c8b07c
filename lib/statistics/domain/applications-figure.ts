import { APPLICATION_STATES, FINAL_STATES, STATE_NAMES, isApplicationState } from "@/lib/applications/domain/states";
import { TIMELINESS_STEPS, TIMELINESS_STEP_NAMES, type Timeliness } from "@/lib/applications/domain/timeliness";
import type { ApplicationsFigure } from "./dashboard";

// The dashboard's on-application figure (pure) from the grouped cases and the
// timeliness view's total (lib/applications/domain/timeliness.ts counts the
// working days; nothing is re-derived here). Every state is listed, in the
// workflow's order, with its Chinese name, even at 0, so the table's columns
// do not move between periods. open = not yet paid or refused; approved =
// approved and not revoked since; overdue = in a step past its due date.

export function buildApplicationsFigure(input: {
  division: string;
  name: string;
  groups: readonly { child: string; state: string; cases: number; approved: number; overdue: number }[];
  timeliness: Timeliness["total"];
  children: readonly { code: string; name: string }[];
}): ApplicationsFigure {
  const byState = new Map<string, number>();
  const perChild = new Map(input.children.map((c) => [c.code, { accepted: 0, open: 0, overdue: 0, approved: 0, refused: 0 }]));
  let accepted = 0;
  for (const g of input.groups) {
    accepted += g.cases;
    byState.set(g.state, (byState.get(g.state) ?? 0) + g.cases);
    const c = perChild.get(g.child);
    if (!c) continue;
    c.accepted += g.cases;
    if (!(FINAL_STATES as readonly string[]).includes(g.state)) c.open += g.cases;
    if (g.state === "refused") c.refused += g.cases;
    c.approved += g.approved;
    c.overdue += g.overdue;
  }
  const states = [...APPLICATION_STATES, ...[...byState.keys()].filter((s) => !isApplicationState(s)).sort()];
  return {
    division: input.division,
    name: input.name,
    accepted,
    byState: states.map((state) => ({ state, label: isApplicationState(state) ? STATE_NAMES[state] : state, cases: byState.get(state) ?? 0 })),
    timeliness: TIMELINESS_STEPS.map((step) => {
      const cell = input.timeliness.steps[step];
      return {
        step,
        label: TIMELINESS_STEP_NAMES[step],
        done: cell.onTime + cell.late,
        onTime: cell.onTime,
        late: cell.late,
        open: cell.open,
        overdue: cell.openOverdue,
      };
    }),
    children: input.children.map((c) => ({ division: c.code, name: c.name, ...perChild.get(c.code)! })),
  };
}
