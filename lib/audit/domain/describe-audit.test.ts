import { describe, expect, it } from "vitest";
import { describeDetail, objectTypeName } from "./describe-audit";

describe("describeDetail", () => {
  it("labels fields in Chinese, reason and period first, codes and UTC instants in words", () => {
    expect(describeDetail({ to: "2026-12-07", rows: 431, from: "2026-12-01", exportedAt: "2026-12-07T09:38:09.004Z" })).toEqual([
      { label: "自", value: "2026-12-01" },
      { label: "至", value: "2026-12-07" },
      { label: "行数", value: "431" },
      { label: "导出时间", value: "2026-12-07 17:38:09" },
    ]);
    expect(describeDetail({ username: "victim.clerk", reason: "disabled" })).toEqual([
      { label: "原因", value: "账号已停用" },
      { label: "用户名", value: "victim.clerk" },
    ]);
    expect(describeDetail({ before: { status: "active", role: "clerk" }, after: { status: "disabled", role: "auditor", department: "finance", mustChangePassword: true } })).toEqual([
      { label: "变更前", value: "状态：启用；角色：经办员" },
      { label: "变更后", value: "状态：停用；角色：安全审计员；部门：财政局；下次登录须改密码：是" },
    ]);
    expect(describeDetail({ due: "expired", otherSessionsEnded: 0 })).toEqual([
      { label: "修改原因", value: "密码已到期" },
      { label: "结束的其他会话", value: "0" },
    ]);
  });

  it("keeps what it does not know as written, and nothing for no detail", () => {
    expect(describeDetail({ someNewKey: "x", list: [1, 2] })).toEqual([{ label: "someNewKey", value: "x" }, { label: "list", value: "1、2" }]);
    expect(describeDetail(null)).toEqual([]);
    expect(objectTypeName("application")).toBe("依申请救助案件");
    expect(objectTypeName("new_kind")).toBe("new_kind");
  });
});
