import { describe, expect, it } from "vitest";
import { navigationFor } from "./navigation";

// Expected navigations written out by hand (who sees what), not derived from
// the permission matrix the code under test reads.
describe("navigation", () => {
  const hrefs = (department: Parameters<typeof navigationFor>[0]["department"], role: Parameters<typeof navigationFor>[0]["role"]) =>
    navigationFor({ department, role }).map((n) => n.href);

  it("a township clerk: people, on-application cases, the 未参保 worklist, trial settlement; no roster, policy or admin pages", () => {
    expect(hrefs("township", "clerk")).toEqual(["/", "/people", "/applications", "/unenrolled", "/trial"]);
  });

  it("依申请救助 for the 医保 clerk, reviewer and manager, not for the 公示员, 民政 or 财政", () => {
    expect(hrefs("medical_security", "reviewer")).toEqual(["/", "/people", "/applications", "/rosters", "/claims/resettle", "/trial", "/policies"]);
    expect(hrefs("medical_security", "clerk")).toContain("/applications");
    // 支付批次 only for the payment clerk (applications.pay): the reviewer who approves does not pay.
    expect(hrefs("medical_security", "clerk")).toContain("/applications/batches");
    expect(hrefs("medical_security", "manager")).toContain("/applications");
    expect(hrefs("township", "publisher")).toEqual(["/"]);
    expect(hrefs("finance", "viewer")).toEqual(["/", "/policies"]);
    expect(hrefs("civil_affairs", "clerk")).not.toContain("/applications");
  });

  it("a 民政 clerk sends and follows rosters; the administrator manages the system and sees nobody's data", () => {
    expect(hrefs("civil_affairs", "clerk")).toEqual(["/", "/people", "/rosters/upload", "/rosters"]);
    expect(hrefs("medical_security", "admin")).toEqual(["/", "/policies", "/admin/users", "/admin/api-tokens", "/admin/divisions", "/admin/calendar", "/audit"]);
  });
});
