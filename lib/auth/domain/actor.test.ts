import { describe, expect, it } from "vitest";
import { auditRow } from "@/lib/audit/audit-entry";
import { accountId, userActor, type SessionUser } from "./actor";
import { cliActor, systemActor } from "./system-actor";

const person: SessionUser = {
  id: "5b0e6a0c-2f4e-4d53-9a57-0c8c1f3e9b11",
  username: "yibao.clerk",
  displayName: "李清",
  department: "medical_security",
  role: "clerk",
  jurisdiction: "430524000000",
  status: "active",
};

describe("actor kinds", () => {
  it("records an account only for people and their tokens", () => {
    expect(accountId(userActor(person, "10.0.0.1", "firefox"))).toBe(person.id);
    expect(accountId({ kind: "api_token", user: person, ip: null, userAgent: "his" })).toBe(person.id);
    expect(accountId(cliActor("medical_security", "430524000000"))).toBeNull();
    expect(accountId(systemActor("medical_security", "430524000000", "manager"))).toBeNull();
  });

  it("the kind decides, not the name: a person's actor named like the command line keeps its account in the audit row", () => {
    const lookalike = userActor({ ...person, username: "cli" }, null, null);
    expect(auditRow(lookalike, { action: "people.view" })).toMatchObject({ userId: person.id, username: "cli" });
    expect(auditRow(cliActor("civil_affairs", "430524000000"), { action: "rosters.upload" })).toMatchObject({ userId: null, username: "cli", department: "civil_affairs", userAgent: "cli" });
    expect(auditRow(systemActor("medical_security", "430524000000"), { action: "policies.copy" })).toMatchObject({ userId: null, username: "system" });
  });
});
