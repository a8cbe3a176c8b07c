import { describe, expect, it } from "vitest";
import { defaultCalendar } from "@/lib/calendar/domain/default-calendar";
import { DOCUMENT_ITEMS, type DocumentEntry } from "./documents";
import { APPLICATION_ACTIONS, APPLICATION_STATES, type ApplicationAction, type ApplicationState } from "./states";
import { startClock } from "./step-clock";
import { decide, type ApplicationCase, type WorkflowCommand } from "./transitions";
import { WorkflowError, type WorkflowRefusalKind } from "./workflow-errors";
import type { WorkflowActor } from "./workflow-roles";

// Every state × every action × every kind of actor, against a table written by
// hand from issue #10 / docs/policy.md §6 (not derived from TRANSITIONS).

const calendar = defaultCalendar();
const TAOHONG = "430524100000"; // 桃洪镇, the case's township
const XIAOSHAJIANG = "430524101000"; // 小沙江镇, another township of the county

const ACTORS = {
  T: { department: "township", role: "clerk", jurisdiction: TAOHONG }, // township clerk of the case's township
  T2: { department: "township", role: "clerk", jurisdiction: XIAOSHAJIANG }, // township clerk of another township
  R: { department: "medical_security", role: "reviewer", jurisdiction: "430524000000" }, // county reviewer
  R2: { department: "medical_security", role: "reviewer", jurisdiction: "430525000000" }, // reviewer of another county
  P: { department: "medical_security", role: "clerk", jurisdiction: "430524000000" }, // payment clerk
  M: { department: "medical_security", role: "manager", jurisdiction: "430524000000" }, // manager (override)
  PUB: { department: "township", role: "publisher", jurisdiction: TAOHONG }, // 公示员: only refers an upheld notice objection back
  PUB2: { department: "township", role: "publisher", jurisdiction: XIAOSHAJIANG }, // 公示员 of another township
  TM: { department: "township", role: "manager", jurisdiction: TAOHONG }, // 乡镇负责人: the same as the 公示员 here
  MZ: { department: "civil_affairs", role: "clerk", jurisdiction: "430524000000" }, // 民政 clerk
  ADMIN: { department: "medical_security", role: "admin", jurisdiction: "430524000000" },
  FIN: { department: "finance", role: "viewer", jurisdiction: "430524000000" },
} as const satisfies Record<string, WorkflowActor>;
type ActorKey = keyof typeof ACTORS;

// Hand-written: who may do what from each state (T township clerk of the case,
// R county reviewer, M manager, P payment clerk). Everything not listed is refused.
const ALLOWED: Record<ApplicationState, Partial<Record<ApplicationAction, readonly ActorKey[]>>> = {
  accepted: { begin_review: ["T"], return_for_documents: ["T"], refuse: ["T"] },
  township_review: { return_for_documents: ["T"], forward: ["T"], refuse: ["T"] },
  returned: { resume_review: ["T"], refuse: ["T"] },
  forwarded: { begin_audit: ["R", "M"], refuse: ["R", "M"] },
  county_review: { approve: ["R", "M"], refer_to_joint_meeting: ["R", "M"], refuse: ["R", "M"] },
  joint_meeting: { record_joint_decision: ["R", "M"], refuse: ["R", "M"] },
  approved: { add_to_batch: ["P"], refer_objection: ["PUB", "TM"] },
  in_batch: { confirm_paid: ["P"], mark_payment_failed: ["P"], remove_from_batch: ["P"], refer_objection: ["PUB", "TM"] },
  payment_failed: { correct_bank_details: ["T"], refer_objection: ["PUB", "TM"] },
  paid: { refer_objection: ["PUB", "TM"] },
  refused: {},
  objection_review: { confirm_after_objection: ["R", "M"], revoke_after_objection: ["R", "M"] },
};

// Hand-written: which actions each post has at all (a post asking for an action
// outside its list is refused for its post, before state or jurisdiction).
const TOWNSHIP_ACTIONS: ApplicationAction[] = ["begin_review", "return_for_documents", "resume_review", "forward", "refuse", "correct_bank_details"];
const COUNTY_ACTIONS: ApplicationAction[] = ["begin_audit", "approve", "refer_to_joint_meeting", "record_joint_decision", "refuse", "confirm_after_objection", "revoke_after_objection"];
const PUBLISHER_ACTIONS: ApplicationAction[] = ["refer_objection"];
const PAYMENT_ACTIONS: ApplicationAction[] = ["add_to_batch", "confirm_paid", "mark_payment_failed", "remove_from_batch"];
const POST_ACTIONS: Record<ActorKey, ApplicationAction[]> = {
  T: TOWNSHIP_ACTIONS,
  T2: TOWNSHIP_ACTIONS,
  R: COUNTY_ACTIONS,
  R2: COUNTY_ACTIONS,
  M: COUNTY_ACTIONS,
  P: PAYMENT_ACTIONS,
  PUB: PUBLISHER_ACTIONS,
  PUB2: PUBLISHER_ACTIONS,
  TM: PUBLISHER_ACTIONS,
  MZ: [],
  ADMIN: [],
  FIN: [],
};
const OUTSIDE: ActorKey[] = ["T2", "R2", "PUB2"];

const CLOCK_STEP: Record<ApplicationState, "township" | "county" | "payment" | null> = {
  accepted: "township",
  township_review: "township",
  returned: "township",
  forwarded: "county",
  county_review: "county",
  joint_meeting: "county",
  approved: "payment",
  in_batch: "payment",
  payment_failed: "payment",
  paid: null,
  refused: null,
  objection_review: null,
};

const complete: DocumentEntry[] = DOCUMENT_ITEMS.map((item) => ({ item, status: "supplied" }));

function caseIn(state: ApplicationState, extra: Partial<ApplicationCase> = {}): ApplicationCase {
  const step = CLOCK_STEP[state];
  const clock = step === null ? null : { ...startClock(step, "2025-03-03"), pausedOn: state === "returned" ? "2025-03-04" : null };
  return {
    state,
    townshipCode: TAOHONG,
    acceptedOn: "2025-03-03",
    urgent: false,
    jointMeeting: false,
    documents: complete,
    surveyRecorded: true,
    bankDetailsOnFile: true,
    clock,
    ...extra,
  };
}

const ON = "2025-03-10";

// A valid command of each action: only the state, the post and the
// jurisdiction decide in the exhaustive run.
function commandFor(action: ApplicationAction): WorkflowCommand {
  switch (action) {
    case "return_for_documents":
      return { action, note: "缺本年度诊断病历" };
    case "approve":
      return { action, amount: "4300.00", computed: "4300.00", ceiling: "50000.00" };
    case "record_joint_decision":
      return { action, meetingOn: "2025-03-07", departments: ["医保局", "民政局", "乡村振兴局"], amount: "8000.00", ceiling: null };
    case "refuse":
      return { action, reason: "家庭收入超出认定标准" };
    case "confirm_paid":
      return { action, paidOn: ON, reference: "BANK-0001" };
    case "mark_payment_failed":
      return { action, reason: "账号有误" };
    case "remove_from_batch":
      return { action, reason: "户主已去世，待核实继承人后再付" };
    case "refer_objection":
      return { action, reason: "群众反映该户家庭收入不实，经核查情况属实" };
    case "confirm_after_objection":
      return { action, returnTo: "paid", reason: "复核后维持原审批" };
    case "revoke_after_objection":
      return { action, reason: "复核认定不符合救助条件" };
    default:
      return { action } as WorkflowCommand;
  }
}

type Outcome = "ok" | WorkflowRefusalKind;

function expected(state: ApplicationState, action: ApplicationAction, actor: ActorKey, jointMeeting: boolean): Outcome {
  if (!POST_ACTIONS[actor].includes(action)) return "role";
  if (OUTSIDE.includes(actor)) return "jurisdiction";
  if (!ALLOWED[state][action]?.includes(actor)) return "state";
  if (action === "approve" && jointMeeting) return "guard"; // 000: the joint meeting decides
  if (action === "refer_to_joint_meeting" && !jointMeeting) return "guard"; // 003: a standard exists
  return "ok";
}

function actual(c: ApplicationCase, action: ApplicationAction, actor: ActorKey): { outcome: Outcome; to?: ApplicationState; message?: string } {
  try {
    const d = decide(c, commandFor(action), ACTORS[actor], ON, calendar);
    return { outcome: "ok", to: d.to };
  } catch (e) {
    if (!(e instanceof WorkflowError)) throw e;
    return { outcome: e.kind, message: e.message };
  }
}

// Hand-written: where each allowed action leads.
const TARGET: Record<ApplicationAction, ApplicationState> = {
  begin_review: "township_review",
  return_for_documents: "returned",
  resume_review: "township_review",
  forward: "forwarded",
  begin_audit: "county_review",
  approve: "approved",
  refer_to_joint_meeting: "joint_meeting",
  record_joint_decision: "approved",
  refuse: "refused",
  add_to_batch: "in_batch",
  confirm_paid: "paid",
  mark_payment_failed: "payment_failed",
  remove_from_batch: "approved",
  correct_bank_details: "approved",
  refer_objection: "objection_review",
  confirm_after_objection: "paid", // the returnTo of commandFor
  revoke_after_objection: "refused",
};

describe("the workflow, exhaustively", () => {
  for (const jointMeeting of [false, true]) {
    it(`every state × action × actor (jointMeeting ${jointMeeting})`, () => {
      const mismatches: string[] = [];
      let allowed = 0;
      let refused = 0;
      for (const state of APPLICATION_STATES) {
        for (const action of APPLICATION_ACTIONS) {
          for (const actor of Object.keys(ACTORS) as ActorKey[]) {
            const want = expected(state, action, actor, jointMeeting);
            const got = actual(caseIn(state, { jointMeeting }), action, actor);
            if (got.outcome !== want) mismatches.push(`${state} ${action} ${actor}: expected ${want}, got ${got.outcome} ${got.message ?? ""}`);
            if (got.outcome === "ok") {
              allowed += 1;
              if (got.to !== TARGET[action]) mismatches.push(`${state} ${action} ${actor}: led to ${got.to}, expected ${TARGET[action]}`);
            } else {
              refused += 1;
              // Every refusal speaks Chinese.
              if (!/[\u4e00-\u9fff]/.test(got.message ?? "")) mismatches.push(`${state} ${action} ${actor}: message not Chinese: ${got.message}`);
            }
          }
        }
      }
      expect(mismatches).toEqual([]);
      expect(allowed + refused).toBe(12 * 17 * 12);
      // 39 (state, action, actor) cells in ALLOWED; of approve and refer (R and M each) only one applies per flag.
      expect(allowed).toBe(39 - 2);
    });
  }

  it("names the state and the post in a state refusal, the township in a jurisdiction refusal", () => {
    expect(actual(caseIn("paid"), "confirm_paid", "P").message).toBe("该申请当前为“已支付”，医保支付经办员不能确认支付");
    expect(actual(caseIn("approved"), "approve", "R").message).toBe("该申请当前为“已审批待支付”，县级医保审核员不能审核通过");
    expect(actual(caseIn("township_review"), "forward", "T2").message).toBe("该申请不属于您的辖区，不能办理");
    expect(actual(caseIn("county_review"), "approve", "T").message).toBe("乡镇经办员不能审核通过");
    expect(actual(caseIn("approved"), "add_to_batch", "ADMIN").message).toBe("您的岗位不办理依申请救助，不能列入支付批次");
  });
});

describe("the workflow's guards", () => {
  const act = (c: ApplicationCase, command: WorkflowCommand, actor: ActorKey, on = ON) => decide(c, command, ACTORS[actor], on, calendar);
  const refusal = (f: () => unknown): WorkflowError => {
    try {
      f();
    } catch (e) {
      if (e instanceof WorkflowError) return e;
      throw e;
    }
    throw new Error("expected a refusal");
  };

  it("approval is refused while a required document is missing, allowed once it is waived", () => {
    const missing: DocumentEntry[] = complete.map((d) => (d.item === "history" ? { ...d, status: "missing" } : d));
    const e = refusal(() => act(caseIn("county_review", { documents: missing }), commandFor("approve"), "R"));
    expect(e.kind).toBe("guard");
    expect(e.field).toBe("documents");
    expect(e.message).toBe("尚缺 病史证明，补齐或注明理由免予提供后才能审批通过");
    const waived = missing.map((d) => (d.item === "history" ? { ...d, status: "waived" as const } : d));
    expect(act(caseIn("county_review", { documents: waived }), commandFor("approve"), "R").to).toBe("approved");
    // An item absent from the checklist counts as missing.
    expect(refusal(() => act(caseIn("county_review", { documents: [] }), commandFor("approve"), "M")).message).toContain("身份证件、民政部门认定证明");
  });

  it("a different amount needs the manager and a reason; the annual room is never exceeded", () => {
    const c = caseIn("county_review");
    const lower = { action: "approve", amount: "4000.00", computed: "4300.00", ceiling: "50000.00" } as const;
    const byReviewer = refusal(() => act(c, lower, "R"));
    expect(byReviewer.kind).toBe("role");
    expect(byReviewer.message).toBe("核定金额 4000.00 元与按政策计算的 4300.00 元不同，只有医保负责人可以调整金额");
    expect(refusal(() => act(c, lower, "M")).field).toBe("reason");
    const d = act(c, { ...lower, reason: "部分票据重复报销，核减" }, "M");
    expect(d).toMatchObject({ to: "approved", approvedAmount: "4000.00", overridden: true });
    const over = refusal(() => act(c, { ...lower, amount: "50000.01", reason: "一事一议" }, "M"));
    expect(over.message).toBe("核定金额 50000.01 元超过本年度救助限额剩余额度 50000.00 元");
    expect(act(c, commandFor("approve"), "R")).toMatchObject({ approvedAmount: "4300.00", overridden: false });
    expect(refusal(() => act(c, { ...lower, amount: "0", computed: "0.00" }, "R")).message).toContain("不能审批通过");
    expect(refusal(() => act(c, { ...lower, amount: "12.345", computed: "12.345" }, "R")).field).toBe("amount");
  });

  it("特事特办: only an urgent case may be forwarded on the day of acceptance; a survey is always needed", () => {
    const sameDay = "2025-03-03";
    const e = refusal(() => act(caseIn("township_review"), { action: "forward" }, "T", sameDay));
    expect(e.field).toBe("urgent");
    expect(act(caseIn("township_review", { urgent: true }), { action: "forward" }, "T", sameDay).to).toBe("forwarded");
    expect(act(caseIn("township_review"), { action: "forward" }, "T", "2025-03-04").to).toBe("forwarded");
    expect(refusal(() => act(caseIn("township_review", { urgent: true, surveyRecorded: false }), { action: "forward" }, "T", sameDay)).message).toBe(
      "尚未登记入户调查记录，不能报送县级",
    );
  });

  it("written reasons are required and bounded; dates cannot precede acceptance or lie ahead", () => {
    expect(refusal(() => act(caseIn("county_review"), { action: "refuse", reason: "  " }, "R")).message).toBe(
      "请填写不予救助的理由（将写入不予救助告知书）",
    );
    expect(refusal(() => act(caseIn("township_review"), { action: "refuse", reason: "理".repeat(501) }, "T")).field).toBe("reason");
    expect(refusal(() => act(caseIn("accepted"), { action: "return_for_documents", note: "" }, "T")).field).toBe("note");
    expect(refusal(() => act(caseIn("accepted"), { action: "begin_review" }, "T", "2025-03-02")).field).toBe("on");
    expect(refusal(() => act(caseIn("in_batch"), { action: "confirm_paid", paidOn: "2025-03-11", reference: "X" }, "P")).field).toBe("paidOn");
    expect(refusal(() => act(caseIn("in_batch"), { action: "confirm_paid", paidOn: ON, reference: "" }, "P")).field).toBe("reference");
    expect(refusal(() => act(caseIn("approved", { bankDetailsOnFile: false }), { action: "add_to_batch" }, "P")).field).toBe("bank");
    expect(refusal(() => act(caseIn("in_batch"), { action: "remove_from_batch", reason: " " }, "P")).message).toBe("请填写移出支付批次的原因");
    const meeting = commandFor("record_joint_decision") as Extract<WorkflowCommand, { action: "record_joint_decision" }>;
    const jm = caseIn("joint_meeting", { jointMeeting: true });
    expect(refusal(() => act(jm, { ...meeting, departments: [" "] }, "R")).field).toBe("departments");
    expect(refusal(() => act(jm, { ...meeting, meetingOn: "2025-03-11" }, "R")).field).toBe("meetingOn");
  });

  it("the clock: paused on return, county on forward, payment on approval, none when final", () => {
    const returned = act(caseIn("township_review"), commandFor("return_for_documents"), "T", "2025-03-05");
    expect(returned.clock).toEqual({ step: "township", startedOn: "2025-03-03", usedBefore: 2, pausedOn: "2025-03-05" });
    expect(act(caseIn("township_review"), { action: "forward" }, "T").clock).toEqual(startClock("county", ON));
    expect(act(caseIn("county_review"), commandFor("approve"), "R").clock).toEqual(startClock("payment", ON));
    expect(act(caseIn("county_review"), commandFor("refuse"), "R").clock).toBeNull();
    expect(act(caseIn("in_batch"), commandFor("confirm_paid"), "P").clock).toBeNull();
    // A failed payment keeps the payment clock.
    expect(act(caseIn("in_batch"), commandFor("mark_payment_failed"), "P").clock).toEqual(startClock("payment", "2025-03-03"));
    // So does a case taken out of a batch: approved again, its money still due from the approval.
    expect(act(caseIn("in_batch"), commandFor("remove_from_batch"), "P").clock).toEqual(startClock("payment", "2025-03-03"));
  });
});

describe("a notice objection upheld (docs/policy.md §7)", () => {
  const act = (c: ApplicationCase, command: WorkflowCommand, actor: ActorKey) => decide(c, command, ACTORS[actor], ON, calendar);
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (e instanceof WorkflowError) return e;
    }
    throw new Error("not refused");
  };

  it("stops the clock while the county reviews, and goes back to the state the case left", () => {
    expect(act(caseIn("in_batch"), commandFor("refer_objection"), "PUB")).toMatchObject({ to: "objection_review", clock: null });
    const review = caseIn("objection_review");
    for (const back of ["approved", "in_batch", "payment_failed"] as const) {
      expect(act(review, { action: "confirm_after_objection", returnTo: back, reason: "维持" }, "R")).toMatchObject({ to: back, clock: startClock("payment", ON) });
    }
    expect(act(review, { action: "confirm_after_objection", returnTo: "paid", reason: "维持" }, "M")).toMatchObject({ to: "paid", clock: null });
    expect(act(review, commandFor("revoke_after_objection"), "R")).toMatchObject({ to: "refused", clock: null });
  });

  it("needs a reason, and returns only to a granted state", () => {
    expect(refusal(() => act(caseIn("paid"), { action: "refer_objection", reason: " " }, "PUB")).field).toBe("reason");
    expect(refusal(() => act(caseIn("objection_review"), { action: "confirm_after_objection", returnTo: "county_review", reason: "维持" }, "R")).field).toBe("returnTo");
    expect(refusal(() => act(caseIn("objection_review"), { action: "revoke_after_objection", reason: "" }, "R")).field).toBe("reason");
    expect(refusal(() => act(caseIn("county_review"), commandFor("refer_objection"), "PUB")).message).toBe("该申请当前为“县级审核中”，乡镇公示员不能公示异议成立，退回县级复核");
  });
});
