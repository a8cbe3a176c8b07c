import { describe, expect, it } from "vitest";
import { DEPARTMENTS, type Department } from "@/lib/departments/departments";
import { can } from "./can";
import { ACTIONS, PERMISSIONS, type Action } from "./permissions";
import { ROLES, type Role } from "./roles";

// The expected matrix, written apart from PERMISSIONS and in the other
// direction (who → what), so that every change to who may do what has to be
// made twice, on purpose. Every (department × role) pair not listed may do
// nothing at all.
const EXPECTED: Partial<Record<`${Department}/${Role}`, Action[]>> = {
  "medical_security/clerk": ["people.view", "rosters.view", "rosters.consolidate", "enrolment.manage", "enrolment.work", "claims.view", "claims.import", "settlement.trial", "policies.view", "applications.view", "applications.pay", "applications.reveal_contact", "stats.view", "monitoring.run", "notices.view", "monitoring.view", "monitoring.handle"],
  "medical_security/reviewer": ["people.view", "people.reveal_id", "people.correct_register", "rosters.view", "claims.view", "claims.resettle", "settlement.trial", "policies.view", "applications.view", "applications.audit", "applications.reveal_contact", "stats.view", "notices.view", "monitoring.view", "monitoring.handle"],
  "medical_security/manager": ["people.view", "people.reveal_id", "people.correct_register", "rosters.view", "claims.view", "claims.resettle", "settlement.trial", "policies.view", "policies.edit", "divisions.view", "audit.view", "applications.view", "applications.audit", "applications.override", "applications.reveal_contact", "stats.view", "monitoring.run", "notices.view", "monitoring.view"],
  "medical_security/admin": ["policies.view", "policies.edit", "calendar.manage", "users.manage", "divisions.view", "audit.view"],
  "civil_affairs/clerk": ["people.view", "rosters.upload", "rosters.view", "monitoring.view", "monitoring.handle"],
  "rural_revitalization/clerk": ["people.view", "rosters.upload", "rosters.view", "monitoring.view", "monitoring.handle"],
  "veterans/clerk": ["people.view", "rosters.upload", "rosters.view"],
  "disability/clerk": ["people.view", "rosters.upload", "rosters.view"],
  "civil_affairs/manager": ["people.view", "rosters.view", "audit.view", "stats.view", "monitoring.view"],
  "rural_revitalization/manager": ["people.view", "rosters.view", "audit.view", "stats.view", "monitoring.view"],
  "veterans/manager": ["people.view", "rosters.view", "audit.view", "stats.view"],
  "disability/manager": ["people.view", "rosters.view", "audit.view", "stats.view"],
  "township/clerk": ["people.view", "enrolment.work", "settlement.trial", "applications.view", "applications.intake", "applications.reveal_contact", "stats.view", "monitoring.view", "monitoring.handle"],
  "township/manager": ["people.view", "audit.view", "stats.view", "notices.manage", "notices.objection", "notices.view"],
  "township/publisher": ["notices.manage", "notices.objection", "notices.view"],
  "finance/viewer": ["policies.view", "stats.view"],
  "finance/manager": ["audit.view"],
};

// An admin of any department keeps the system tasks but never people's data.
for (const d of DEPARTMENTS) {
  if (d !== "medical_security") EXPECTED[`${d}/admin`] = ["calendar.manage", "users.manage", "divisions.view", "audit.view"];
}
// The security auditor of any department reads and exports the audit log, nothing else (which rows: lib/audit/list-audit-log.ts).
for (const d of DEPARTMENTS) EXPECTED[`${d}/auditor`] = ["audit.view", "audit.export"];

describe("permission matrix", () => {
  for (const department of DEPARTMENTS) {
    for (const role of ROLES) {
      const expected = new Set(EXPECTED[`${department}/${role}`] ?? []);
      it(`${department} × ${role}`, () => {
        for (const action of ACTIONS) {
          expect({ action, allowed: can({ department, role }, action) }).toEqual({ action, allowed: expected.has(action) });
        }
      });
    }
  }

  it("refuses everything to a disabled user and to nobody", () => {
    for (const action of ACTIONS) {
      expect(can({ department: "medical_security", role: "admin", status: "disabled" }, action)).toBe(false);
      expect(can(null, action)).toBe(false);
    }
  });

  it("gives every action at least one holder and a Chinese label", () => {
    for (const action of ACTIONS) {
      expect(DEPARTMENTS.some((d) => ROLES.some((r) => can({ department: d, role: r }, action)))).toBe(true);
      expect(PERMISSIONS[action].label).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it("shows claims to 医保 alone, and to whoever imports or re-settles them (their pages show claims)", () => {
    for (const d of DEPARTMENTS) for (const r of ROLES) {
      const u = { department: d, role: r };
      if (can(u, "claims.view")) expect(d).toBe("medical_security");
      if (can(u, "claims.import") || can(u, "claims.resettle")) expect(can(u, "claims.view")).toBe(true);
    }
  });

  it("never lets the sender of a roster consolidate it", () => {
    for (const d of DEPARTMENTS) for (const r of ROLES) {
      if (can({ department: d, role: r }, "rosters.upload")) expect(can({ department: d, role: r }, "rosters.consolidate")).toBe(false);
    }
  });
});
