import { describe, expect, it } from "vitest";
import { navigationFor } from "./navigation";

// Expected navigations written out by hand (who sees what), not derived from
// the permission matrix the code under test reads.
describe("navigation", () => {
  const hrefs = (department: Parameters<typeof navigationFor>[0]["department"], role: Parameters<typeof navigationFor>[0]["role"]) =>
    navigationFor({ department, role }).map((n) => n.href);

  it("a township clerk: people, the 未参保 worklist, trial settlement; no roster, policy or admin pages", () => {
    expect(hrefs("township", "clerk")).toEqual(["/", "/people", "/unenrolled", "/trial"]);
  });

  it("a 民政 clerk sends and follows rosters; the administrator manages the system and sees nobody's data", () => {
    expect(hrefs("civil_affairs", "clerk")).toEqual(["/", "/people", "/rosters/upload", "/rosters"]);
    expect(hrefs("medical_security", "admin")).toEqual(["/", "/policies", "/admin/users", "/admin/api-tokens", "/admin/divisions", "/admin/calendar", "/audit"]);
  });
});
