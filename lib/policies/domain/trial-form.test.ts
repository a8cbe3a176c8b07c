import { describe, expect, it } from "vitest";
import { parseSettleInput } from "@/lib/settlement/parse-settle-input";
import { trialInput, trialProblems, trialRequest, type TrialClaimRow } from "./trial-form";

const row = (over: Partial<TrialClaimRow> = {}) => trialInput.shape.claims.element.parse({ date: "2023-06-10", hospitalLevel: "2", policyScopeCost: "52000", ...over });
const form = (claims: TrialClaimRow[], over: Record<string, string> = {}) =>
  trialInput.parse({ policy: "preset:pengshui-2023", category: "dibao", birthDate: "", priorYearIncome: "", monitoringStandard: "", claims, ...over });

describe("the 试算 form", () => {
  it("builds the contract's JSON: row numbers as ids, empty optional amounts left out", () => {
    const request = trialRequest("pengshui-2023", form([row({ outOfScopeCost: " 3000 ", basicPaid: "31000", criticalPaid: "2500" }), row({ date: "2023-09-01", setting: "outpatient" })]));
    expect(request).toEqual({
      policy: "pengshui-2023",
      person: { category: "dibao" },
      claims: [
        { id: "1", date: "2023-06-10", setting: "inpatient", specialDisease: false, hospitalLevel: 2, referred: true, inCity: true, policyScopeCost: "52000", outOfScopeCost: "3000", basicPaid: "31000", criticalPaid: "2500", onApplication: false },
        { id: "2", date: "2023-09-01", setting: "outpatient", specialDisease: false, hospitalLevel: 2, referred: true, inCity: true, policyScopeCost: "52000", onApplication: false },
      ],
    });
    expect(trialProblems(request)).toEqual([]);
    expect(parseSettleInput(request).ok).toBe(true);
  });

  it("lists every row's problems at once, each naming its row and field", () => {
    const request = trialRequest("pengshui-2023", form([row({ policyScopeCost: "" }), row({ date: "", policyScopeCost: "-5", basicPaid: "1.234" })], { priorYearIncome: "3万" }));
    expect(trialProblems(request).map((p) => p.message)).toEqual([
      "上年度人均可支配收入应为金额（数字，最多两位小数），现为“3万”",
      "第1笔：政策范围内费用须填写",
      "第2笔：就医日期须填写",
      "第2笔：政策范围内费用不能为负数",
      "第2笔：基本医保已支付最多两位小数（现为 1.234）",
    ]);
  });
});
