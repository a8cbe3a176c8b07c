import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultCalendar } from "@/lib/calendar/domain/default-calendar";
import { DOCUMENT_ITEMS, type DocumentEntry } from "./documents";
import { APPLICATION_ACTIONS, type ApplicationAction, type ApplicationState } from "./states";
import { startClock } from "./step-clock";
import { availableActions, decide, type ApplicationCase, type WorkflowCommand } from "./transitions";
import { WorkflowError } from "./workflow-errors";
import type { WorkflowActor } from "./workflow-roles";

// Whatever anyone tries, in any order: a case is paid at most once, only after
// an approval, never approved while a document is missing, and nothing moves
// out of a final state.

const calendar = defaultCalendar();
const ACTORS: WorkflowActor[] = [
  { department: "township", role: "clerk", jurisdiction: "430524100000" },
  { department: "township", role: "clerk", jurisdiction: "430524101000" },
  { department: "medical_security", role: "reviewer", jurisdiction: "430524000000" },
  { department: "medical_security", role: "clerk", jurisdiction: "430524000000" },
  { department: "medical_security", role: "manager", jurisdiction: "430524000000" },
  { department: "civil_affairs", role: "clerk", jurisdiction: "430524000000" },
];

function command(action: ApplicationAction, amount: string): WorkflowCommand {
  switch (action) {
    case "return_for_documents":
      return { action, note: "补正" };
    case "approve":
      return { action, amount, computed: "4300.00", ceiling: "50000.00", reason: "调整" };
    case "record_joint_decision":
      return { action, meetingOn: "2025-03-04", departments: ["医保局"], amount, ceiling: null };
    case "refuse":
    case "mark_payment_failed":
    case "remove_from_batch":
      return { action, reason: "理由" };
    case "confirm_paid":
      return { action, paidOn: "2025-03-05", reference: "REF" };
    default:
      return { action } as WorkflowCommand;
  }
}

// Mostly steered attempts (one of the actions some actor has a button for now,
// so that long paths to payment are actually walked), mixed with wild ones
// (any actor, any action).
const step = fc.record({
  wild: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  pick: fc.nat(),
  actor: fc.integer({ min: 0, max: ACTORS.length - 1 }),
  action: fc.constantFrom(...APPLICATION_ACTIONS),
  amount: fc.constantFrom("4300.00", "100.00", "0", "60000.00"),
  /** Supply the missing document before this step (a data change, not a transition). */
  supply: fc.boolean(),
});

describe("the workflow under any sequence of attempts", () => {
  it("pays at most once, only after approval, never approves with a document missing", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), fc.array(step, { maxLength: 60 }), (jointMeeting, urgent, startMissing, steps) => {
        let documents: DocumentEntry[] = DOCUMENT_ITEMS.map((item) => ({ item, status: startMissing && item === "receipts" ? "missing" : "supplied" }));
        let c: ApplicationCase = {
          state: "accepted",
          townshipCode: "430524100000",
          acceptedOn: "2025-03-03",
          urgent,
          jointMeeting,
          documents,
          surveyRecorded: true,
          bankDetailsOnFile: true,
          clock: startClock("township", "2025-03-03"),
        };
        let payments = 0;
        let approvals = 0;
        const seen: ApplicationState[] = [c.state];
        for (const s of steps) {
          if (s.supply) documents = documents.map((d) => ({ ...d, status: "supplied" }));
          c = { ...c, documents };
          const before = c.state;
          let actor = s.actor;
          let action = s.action;
          if (!s.wild) {
            const open = ACTORS.flatMap((a, i) => availableActions(c, a).map((x) => [i, x] as const));
            if (open.length > 0) [actor, action] = open[s.pick % open.length]!;
          }
          try {
            const d = decide(c, command(action, s.amount), ACTORS[actor]!, "2025-03-05", calendar);
            expect(d.from).toBe(before);
            expect(before === "paid" || before === "refused").toBe(false);
            if (d.to === "approved" && (action === "approve" || action === "record_joint_decision")) {
              approvals += 1;
              expect(documents.every((x) => x.status !== "missing")).toBe(true);
            }
            if (d.to === "paid") {
              payments += 1;
              expect(approvals).toBeGreaterThan(0);
              expect(seen).toContain("approved");
            }
            c = { ...c, state: d.to, clock: d.clock };
            seen.push(d.to);
          } catch (e) {
            if (!(e instanceof WorkflowError)) throw e;
          }
        }
        expect(payments).toBeLessThanOrEqual(1);
        expect(approvals).toBeLessThanOrEqual(1); // no path leads back to the county audit
      }),
      { numRuns: 2000 },
    );
  });
});
