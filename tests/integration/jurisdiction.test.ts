import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openIdNumber } from "@/db/queries/people-ids";
import { and, eq, like, sql } from "drizzle-orm";
import { auditLog, people } from "@/db/schema";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { browseDivisions } from "@/lib/divisions/browse-divisions";
import { getPerson } from "@/lib/people/get-person";
import { listPeople } from "@/lib/people/list-people";
import { revealIdNumber } from "@/lib/people/reveal-id-number";
import { createUser } from "@/lib/users/create-user";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

describe.each(drivers())("jurisdiction scoping on %s", (driver) => {
  let s: Scratch;
  beforeAll(async () => {
    s = await seededDb(driver);
  });
  afterAll(async () => s?.drop());

  const count = async (prefix: string) =>
    (await s.handle.db.select({ n: sql<number>`count(*)::int` }).from(people).where(like(people.divisionCode, `${prefix}%`)))[0]!.n;

  it("lists only the people of the actor's division and below", async () => {
    const township = await contextOf(s, "taohong.clerk");
    const county = await contextOf(s, "yibao.clerk");
    const own = await listPeople(township, { page: 1 });
    expect(own.total).toBe(await count("430524100"));
    expect(own.rows.every((r) => r.divisionCode.startsWith("430524100"))).toBe(true);
    expect((await listPeople(county, { page: 1 })).total).toBe(3000);
    // A county clerk may narrow to a township; a township clerk may not look next door.
    expect((await listPeople(county, { township: "430524101000", page: 1 })).total).toBe(await count("430524101"));
    await expect(listPeople(township, { township: "430524101000", page: 1 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listPeople(township, { township: "4305241", page: 1 })).rejects.toMatchObject({ field: "township" });
  });

  it("masks ID numbers in lists and refuses another township's person, audited", async () => {
    const township = await contextOf(s, "taohong.clerk");
    const list = await listPeople(township, { page: 1 });
    expect(list.rows[0]!.idNumberMasked).toMatch(/^430524\*{8}\d{3}[\dX]$/);
    expect(JSON.stringify(list)).not.toMatch(/430524\d{11}[\dX]/);
    const [foreign] = await s.handle.db.select().from(people).where(like(people.divisionCode, "430524105%")).limit(1);
    await expect(getPerson(township, foreign!.id)).rejects.toMatchObject({ code: "forbidden" });
    const refusals = await s.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, foreign!.id), eq(auditLog.outcome, "refused")));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]!.detail).toEqual({ reason: "jurisdiction" });
  });

  it("reveals a full ID only with the permission, within jurisdiction, audited", async () => {
    const [person] = await s.handle.db.select().from(people).limit(1);
    const reviewer = await contextOf(s, "yibao.reviewer");
    const clerk = await contextOf(s, "yibao.clerk");
    expect(await revealIdNumber(reviewer, person!.id)).toBe(openIdNumber(person!)); // opened from the stored ciphertext
    await expect(revealIdNumber(clerk, person!.id)).rejects.toMatchObject({ code: "forbidden" });
    const rows = await s.handle.db.select().from(auditLog).where(and(eq(auditLog.action, "people.reveal_id"), eq(auditLog.objectId, person!.id)));
    expect(rows.map((r) => `${r.username}:${r.outcome}`).sort()).toEqual(["yibao.clerk:refused", "yibao.reviewer:success"]);
  });

  it("browses divisions from the actor's own node down, never sideways", async () => {
    const manager = await contextOf(s, "yibao.manager");
    const county = await browseDivisions(manager);
    expect(county.node.name).toBe("隆回县");
    expect(county.children).toHaveLength(10);
    expect(county.ancestors.map((a) => a.name)).toEqual(["湖南省", "邵阳市"]);
    const town = await browseDivisions(manager, "430524100000");
    expect(town.children).toHaveLength(15);
    await expect(browseDivisions(manager, "430500000000")).rejects.toMatchObject({ code: "forbidden" });
    await expect(browseDivisions(manager, "43050")).rejects.toMatchObject({ field: "code" });
  });

  it("shows a manager only audit rows of users in their jurisdiction", async () => {
    // A manager for 桃洪镇 alone, and audit rows by users inside it (taohong.clerk) and outside it (minzheng.clerk, county-wide).
    await createUser(await contextOf(s, "admin"), {
      username: "taohong.manager", displayName: "桃洪镇负责人", department: "township", role: "manager", jurisdiction: "430524100000", password: "Xq#5mLw-8tRz",
    });
    await expect(listAuditLog(await contextOf(s, "taohong.clerk"), { page: 1 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listAuditLog(await contextOf(s, "minzheng.clerk"), { page: 1 })).rejects.toMatchObject({ code: "forbidden" });
    const township = await listAuditLog(await contextOf(s, "taohong.manager"), { page: 1 });
    const seen = new Set(township.rows.map((r) => r.username));
    expect(seen.has("taohong.clerk")).toBe(true);
    expect([...seen].filter((u) => u !== "taohong.clerk" && u !== "taohong.manager")).toEqual([]);
    // County-wide, both townships' and the county departments' rows are there.
    const county = new Set((await listAuditLog(await contextOf(s, "yibao.manager"), { page: 1 })).rows.map((r) => r.username));
    expect(county.has("taohong.clerk") && county.has("minzheng.clerk") && county.has("admin")).toBe(true);
    const manager = await contextOf(s, "yibao.manager");
    await expect(listAuditLog(manager, { from: "2026-02-30", page: 1 })).rejects.toMatchObject({ field: "from" });
    await expect(listAuditLog(await contextOf(s, "taohong.clerk"), { page: 1 })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("a department's manager reads only its own staff's audit rows, never 医保's reveals; the 医保 manager reads every department's", async () => {
    await createUser(await contextOf(s, "admin"), {
      username: "caizheng.manager", displayName: "财政局负责人", department: "finance", role: "manager", jurisdiction: "430524000000", password: "Xq#5mLw-8tRz",
    });
    const finance = await listAuditLog(await contextOf(s, "caizheng.manager"), { page: 1 });
    const users = await s.handle.raw.query<{ username: string; department: string }>("select username, department from users");
    const departmentOf = new Map(users.map((u) => [u.username, u.department]));
    expect(finance.rows.filter((r) => r.username === null || departmentOf.get(r.username) !== "finance")).toEqual([]);
    expect((await listAuditLog(await contextOf(s, "caizheng.manager"), { action: "people.reveal_id", page: 1 })).rows).toEqual([]);
    // The reveal of the test above is there for the system's owner.
    expect((await listAuditLog(await contextOf(s, "yibao.manager"), { action: "people.reveal_id", page: 1 })).rows.length).toBeGreaterThan(0);
  });
});
