import { describe, expect, it } from "vitest";
import { defaultCalendar } from "@/lib/calendar/domain/default-calendar";
import { getPreset } from "@/lib/policies/domain/preset-registry";
import { yuanToCents } from "@/lib/settlement/cents";
import { applicationAmount, type ApplicationClaim } from "./application-amount";
import { DOCUMENT_ITEMS } from "./documents";
import { startClock } from "./step-clock";
import { decide, type ApplicationCase } from "./transitions";
import { WorkflowError } from "./workflow-errors";

// 003 (邵医保发〔2021〕32号) §三(八): "对其经基本医保、大病保险支付后，属于医疗救助政策支付范围内的
// 费用救助标准统一为：起付线 6000 元，按 50%救助，年度救助最高限额为 5 万元。"
// The deductible is per application ("依申请、经审核后按次享受医疗救助待遇").

const shaoyang = getPreset("shaoyang-2021")!;
const claim = (id: string, date: string, scope: string, basic: string, critical: string, setting: "inpatient" | "outpatient" = "inpatient"): ApplicationClaim => ({
  id,
  date,
  setting,
  policyScopeCost: yuanToCents(scope),
  basicPaid: yuanToCents(basic),
  criticalPaid: yuanToCents(critical),
});

describe("the amount of an application under 003 §三(八)", () => {
  it("two ticked claims of one application share one 6000 deductible, 50 %", () => {
    // C1 inpatient: 60000 in scope − 36000 basic − 7800 critical = 16200 left.
    // C2 outpatient: 8000 − 4000 − 0 = 4000 left. Eligible 20200.
    // (20200 − 6000) × 50 % = 7100.00: C1 (16200 − 6000) × 50 % = 5100, C2 4000 × 50 % = 2000.
    const a = applicationAmount({
      policy: shaoyang,
      category: "monitored",
      applicationId: "SQ-2025-0001",
      year: 2025,
      claims: [claim("C1", "2025-03-10", "60000", "36000", "7800"), claim("C2", "2025-04-02", "8000", "4000", "0", "outpatient")],
      approvedBefore: 0,
    });
    expect(a.computed).toBe("7100.00");
    expect(a.eligible).toBe("20200.00");
    expect(a.claims.map((c) => c.assistance)).toEqual(["5100.00", "2000.00"]);
    expect(a.claims[0]!.trace.find((t) => t.tier === "assistance")).toMatchObject({ base: "16200.00", deductible: "6000.00", ratio: "50%" });
    expect(a.pool).toEqual({ name: "依申请救助年度限额", limit: "50000.00", approvedBefore: "0.00", room: "50000.00" });
    expect(a.ceiling).toBe("50000.00");
    expect(a.jointMeeting).toBe(false);
    expect(a.rule).toContain("依申请医疗救助");
  });

  it("one application alone is capped at 50000 a year", () => {
    // 200000 − 100000 − 40000 = 60000 left; (60000 − 6000) × 50 % = 27000; two such claims in one
    // application: (120000 − 6000) × 50 % = 57000 → 50000.
    const a = applicationAmount({
      policy: shaoyang,
      category: "illness_poverty",
      applicationId: "SQ-1",
      year: 2025,
      claims: [claim("A", "2025-02-10", "200000", "100000", "40000"), claim("B", "2025-05-10", "200000", "100000", "40000")],
      approvedBefore: 0,
    });
    expect(a.computed).toBe("50000.00");
  });

  it("a second application in the same year gets only what is left of the 50000", () => {
    // 47000 already approved this year. New claim: 60000 left → (60000 − 6000) × 50 % = 27000,
    // but only 50000 − 47000 = 3000 remain.
    const second = applicationAmount({
      policy: shaoyang,
      category: "monitored",
      applicationId: "SQ-2",
      year: 2025,
      claims: [claim("D", "2025-09-01", "200000", "100000", "40000")],
      approvedBefore: yuanToCents("47000"),
    });
    expect(second.computed).toBe("3000.00");
    expect(second.pool).toEqual({ name: "依申请救助年度限额", limit: "50000.00", approvedBefore: "47000.00", room: "3000.00" });
    expect(second.ceiling).toBe("3000.00");
    expect(second.claims[0]!.trace.find((t) => t.tier === "assistance")!.rule).toContain("本年此前已付 47000.00 元");
    // Once the 50000 are used up, nothing is left.
    const third = applicationAmount({ policy: shaoyang, category: "monitored", applicationId: "SQ-3", year: 2025, claims: [claim("E", "2025-11-01", "20000", "10000", "0")], approvedBefore: yuanToCents("50000") });
    expect(third.computed).toBe("0.00");
    expect(third.ceiling).toBe("0.00");
  });

  it("approving it: the computed amount by the reviewer; a different one only by the manager with a reason, never above the room", () => {
    const second = applicationAmount({
      policy: shaoyang,
      category: "monitored",
      applicationId: "SQ-2",
      year: 2025,
      claims: [claim("D", "2025-09-01", "200000", "100000", "40000")],
      approvedBefore: yuanToCents("47000"),
    });
    const c: ApplicationCase = {
      state: "county_review",
      townshipCode: "430524100000",
      acceptedOn: "2025-09-10",
      urgent: false,
      jointMeeting: second.jointMeeting,
      documents: DOCUMENT_ITEMS.map((item) => ({ item, status: "supplied" as const })),
      surveyRecorded: true,
      bankDetailsOnFile: true,
      clock: startClock("county", "2025-09-20"),
    };
    const reviewer = { department: "medical_security", role: "reviewer", jurisdiction: "430524000000" } as const;
    const manager = { department: "medical_security", role: "manager", jurisdiction: "430524000000" } as const;
    const approve = (amount: string, reason?: string) => ({
      action: "approve" as const,
      amount,
      computed: second.computed,
      ceiling: second.ceiling,
      ...(reason ? { reason } : {}),
    });
    const calendar = defaultCalendar();
    expect(decide(c, approve("3000.00"), reviewer, "2025-09-24", calendar)).toMatchObject({ approvedAmount: "3000.00", overridden: false });
    const refused = (() => {
      try {
        decide(c, approve("2500.00", "部分费用已由慈善救助"), reviewer, "2025-09-24", calendar);
      } catch (e) {
        return e;
      }
    })();
    expect(refused).toBeInstanceOf(WorkflowError);
    expect((refused as WorkflowError).code).toBe("forbidden");
    expect(decide(c, approve("2500.00", "部分费用已由慈善救助"), manager, "2025-09-24", calendar)).toMatchObject({ approvedAmount: "2500.00", overridden: true });
    expect(() => decide(c, approve("27000.00", "按单次计算"), manager, "2025-09-24", calendar)).toThrow("超过本年度救助限额剩余额度 3000.00 元");
  });

  it("no on-application rule for the category: nothing computed, and says why", () => {
    const tekun = applicationAmount({ policy: shaoyang, category: "tekun", applicationId: "X", year: 2025, claims: [claim("F", "2025-03-01", "50000", "30000", "0")], approvedBefore: 0 });
    expect(tekun.computed).toBe("0.00");
    expect(tekun.pool).toBeNull();
  });

  it("000 decides on-application cases by the joint meeting", () => {
    const chengkou = getPreset("chengkou-2022")!;
    const a = applicationAmount({ policy: chengkou, category: chengkou.categories[0]!, applicationId: "Y", year: 2025, claims: [claim("G", "2025-03-01", "50000", "30000", "0")], approvedBefore: 0 });
    expect(a.jointMeeting).toBe(true);
  });

  it("refuses claims outside the application's year, or none at all", () => {
    const base = { policy: shaoyang, category: "monitored" as const, applicationId: "Z", year: 2025, approvedBefore: 0 };
    expect(() => applicationAmount({ ...base, claims: [claim("H", "2024-12-30", "50000", "30000", "0")] })).toThrow(
      "结算记录 H 的日期 2024-12-30 不在申请年度 2025 年内，不能计入本次申请",
    );
    expect(() => applicationAmount({ ...base, claims: [] })).toThrow("请至少勾选一条本年度的结算记录");
  });
});
