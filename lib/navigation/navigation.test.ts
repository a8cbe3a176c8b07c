import { describe, expect, it } from "vitest";
import { can } from "@/lib/auth/can";
import { NAV_ITEMS, navigationFor } from "./navigation";

describe("navigation", () => {
  it("shows an entry only to holders of its action", () => {
    const clerk = { department: "township" as const, role: "clerk" as const };
    const hrefs = navigationFor(clerk).map((n) => n.href);
    expect(hrefs).toContain("/people");
    expect(hrefs).not.toContain("/admin/users");
    for (const item of NAV_ITEMS) {
      expect(hrefs.includes(item.href)).toBe(item.action === null || can(clerk, item.action));
    }
  });
});
