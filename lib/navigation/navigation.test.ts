import { describe, expect, it } from "vitest";
import { navigationFor } from "./navigation";

// Expected navigations written out by hand (who sees what), not derived from
// the permission matrix the code under test reads.
describe("navigation", () => {
  const hrefs = (department: Parameters<typeof navigationFor>[0]["department"], role: Parameters<typeof navigationFor>[0]["role"]) =>
    navigationFor({ department, role }).map((n) => n.href);

  it("a township clerk: people, on-application cases, the 未参保 worklist, trial settlement; no roster, policy or admin pages", () => {
    expect(hrefs("township", "clerk")).toEqual(["/", "/people", "/applications", "/monitoring", "/stats", "/unenrolled", "/trial"]);
  });

  it("依申请救助 for the 医保 clerk, reviewer and manager, not for the 公示员, 民政 or 财政", () => {
    expect(hrefs("medical_security", "reviewer")).toEqual(["/", "/people", "/applications", "/monitoring", "/notices", "/stats", "/rosters", "/claims/resettle", "/trial", "/policies"]);
    expect(hrefs("medical_security", "clerk")).toContain("/applications");
    // 支付批次 only for the payment clerk (applications.pay): the reviewer who approves does not pay.
    expect(hrefs("medical_security", "clerk")).toContain("/applications/batches");
    expect(hrefs("medical_security", "manager")).toContain("/applications");
    expect(hrefs("township", "publisher")).toEqual(["/", "/notices"]);
    expect(hrefs("finance", "viewer")).toEqual(["/", "/stats", "/policies"]);
    expect(hrefs("civil_affairs", "clerk")).not.toContain("/applications");
  });

  it("监测预警 for 民政 and 乡村振兴 clerks and managers, 医保 staff and the township clerk; not for 财政, the 公示员 or the administrator", () => {
    expect(hrefs("rural_revitalization", "clerk")).toContain("/monitoring");
    expect(hrefs("civil_affairs", "manager")).toContain("/monitoring");
    expect(hrefs("medical_security", "clerk")).toContain("/monitoring");
    expect(hrefs("medical_security", "manager")).toContain("/monitoring");
    for (const [d, r] of [["finance", "viewer"], ["township", "publisher"], ["medical_security", "admin"], ["veterans", "clerk"]] as const) expect(hrefs(d, r)).not.toContain("/monitoring");
  });

  it("公示管理 for the township publisher and manager and the 医保 clerk, reviewer and manager; not for the township clerk, 民政 or 财政", () => {
    for (const [d, r] of [["township", "publisher"], ["township", "manager"], ["medical_security", "clerk"], ["medical_security", "manager"]] as const) expect(hrefs(d, r)).toContain("/notices");
    for (const [d, r] of [["township", "clerk"], ["civil_affairs", "clerk"], ["finance", "viewer"], ["medical_security", "admin"]] as const) expect(hrefs(d, r)).not.toContain("/notices");
  });

  it("统计分析 for holders of stats.view: 医保 staff, township clerks and managers, department managers, 财政; not for a 民政 clerk, the 公示员 or the administrator", () => {
    for (const [d, r] of [["medical_security", "clerk"], ["medical_security", "manager"], ["township", "manager"], ["civil_affairs", "manager"], ["finance", "viewer"]] as const) expect(hrefs(d, r)).toContain("/stats");
    for (const [d, r] of [["civil_affairs", "clerk"], ["township", "publisher"], ["medical_security", "admin"]] as const) expect(hrefs(d, r)).not.toContain("/stats");
  });

  it("a 民政 clerk sends and follows rosters; the administrator manages the system and sees nobody's data", () => {
    expect(hrefs("civil_affairs", "clerk")).toEqual(["/", "/people", "/monitoring", "/rosters/upload", "/rosters"]);
    expect(hrefs("medical_security", "admin")).toEqual(["/", "/policies", "/admin/users", "/admin/api-tokens", "/admin/divisions", "/admin/calendar", "/audit"]);
  });
});
