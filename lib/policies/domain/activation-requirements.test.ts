import { describe, expect, it } from "vitest";
import { getPreset, PRESET_IDS } from "./preset-registry";
import { activationProblems } from "./activation-requirements";

describe("activationProblems", () => {
  it("every preset ships a figure (or a marked default) for each limit a rule pays from", () => {
    for (const id of PRESET_IDS) expect(activationProblems(getPreset(id)!), id).toEqual([]);
  });

  it("a limit a rule pays from, left empty, blocks activation with its name", () => {
    const record = structuredClone(getPreset("chengkou-2022")!);
    record.limitPools[0]!.annualLimit = null;
    expect(activationProblems(record)).toEqual([
      "年度救助限额“医疗救助年度限额（门诊和住院共用）”未填写金额：有救助规则从该限额支付，启用前须按本地办法填写（文件未给数额的，请填写本地标准）",
    ]);
  });

  it("an empty pool no rule uses is no obstacle", () => {
    const record = structuredClone(getPreset("chengkou-2022")!);
    record.limitPools.push({ id: "spare", name: "备用", annualLimit: null, source: { doc: "000", paragraph: "§三(七)" } });
    expect(activationProblems(record)).toEqual([]);
  });
});
