import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, users } from "@/db/schema";
import { resolveSessionUser } from "@/lib/auth/resolve-session-user";
import { verifyLogin } from "@/lib/auth/verify-login";
import { DEMO_PASSWORD } from "@/lib/demo/demo-accounts";
import { createUser } from "@/lib/users/create-user";
import { setUserStatus } from "@/lib/users/set-user-status";
import { updateUser } from "@/lib/users/update-user";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

describe.each(drivers())("sessions and user administration on %s", (driver) => {
  let s: Scratch;
  beforeAll(async () => {
    s = await seededDb(driver);
  });
  afterAll(async () => s?.drop());

  // Each test's logins from their own address, so the per-address throttle of one test does not reach another.
  let address = 0;
  const login = async (username: string, password = DEMO_PASSWORD) => {
    const r = await verifyLogin(s.handle.db, { username, password, ip: `10.0.0.${++address % 250}`, userAgent: "test" });
    return r.ok ? r : null;
  };

  it("logs in with the demo password and audits both outcomes", async () => {
    const ok = await login("yibao.clerk");
    expect(ok).toMatchObject({ sv: 1 });
    expect(await login("yibao.clerk", "nope")).toBeNull();
    expect(await login("nobody")).toBeNull();
    const rows = await s.handle.db.select().from(auditLog).where(eq(auditLog.action, "auth.login"));
    expect(rows.map((r) => r.outcome).sort()).toEqual(["refused", "refused", "success"]);
    expect(JSON.stringify(rows)).not.toContain(DEMO_PASSWORD);
  });

  it("refuses a disabled user's session at once, and their next login", async () => {
    const admin = await contextOf(s, "admin");
    const token = (await login("tuiyi.clerk"))!;
    expect(await resolveSessionUser(s.handle.db, token)).toMatchObject({ username: "tuiyi.clerk" });
    await setUserStatus(admin, token.uid, "disabled");
    expect(await resolveSessionUser(s.handle.db, token)).toBeNull();
    expect(await login("tuiyi.clerk")).toBeNull();
    await setUserStatus(admin, token.uid, "active");
    // Re-enabling does not revive the old session: its version has moved on.
    expect(await resolveSessionUser(s.handle.db, token)).toBeNull();
    expect(await login("tuiyi.clerk")).not.toBeNull();
  });

  it("ends the sessions of a user whose role changes, and audits before/after in the same transaction", async () => {
    const admin = await contextOf(s, "admin");
    const token = (await login("xiangcun.clerk"))!;
    await updateUser(admin, token.uid, { displayName: "李海林", department: "rural_revitalization", role: "manager", jurisdiction: "430524000000" });
    expect(await resolveSessionUser(s.handle.db, token)).toBeNull();
    const [row] = await s.handle.db.select().from(auditLog).where(and(eq(auditLog.action, "users.update"), eq(auditLog.objectId, token.uid)));
    expect(row!.detail).toMatchObject({ before: { role: "clerk" }, after: { role: "manager" } });
    // A name-only change keeps the session.
    const fresh = (await login("xiangcun.clerk"))!;
    await updateUser(admin, token.uid, { displayName: "李海林（乡村振兴）", department: "rural_revitalization", role: "manager", jurisdiction: "430524000000" });
    expect(await resolveSessionUser(s.handle.db, fresh)).toMatchObject({ displayName: "李海林（乡村振兴）" });
  });

  it("refuses user administration to a non-admin, audits the refusal and changes nothing", async () => {
    const clerk = await contextOf(s, "taohong.clerk");
    const before = await s.handle.db.select().from(users);
    await expect(
      createUser(clerk, { username: "intruder", displayName: "x", department: "finance", role: "admin", jurisdiction: "430524000000", password: "Intruder#2026" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await s.handle.db.select().from(users)).toEqual(before);
    const refused = await s.handle.db.select().from(auditLog).where(and(eq(auditLog.action, "users.manage"), eq(auditLog.outcome, "refused")));
    expect(refused).toHaveLength(1);
    expect(refused[0]!.username).toBe("taohong.clerk");
  });

  it("names the field of bad user input and stores nothing", async () => {
    const admin = await contextOf(s, "admin");
    const base = { username: "new.user", displayName: "新用户", department: "township", role: "clerk", jurisdiction: "430524102000", password: "Strong#Pass1" };
    await expect(createUser(admin, { ...base, username: "x" })).rejects.toMatchObject({ field: "username" });
    await expect(createUser(admin, { ...base, role: "emperor" })).rejects.toMatchObject({ field: "role", message: "请选择角色" });
    await expect(createUser(admin, { ...base, jurisdiction: "430525100000" })).rejects.toMatchObject({ field: "jurisdiction" });
    await expect(createUser(admin, { ...base, jurisdiction: "430524999000" })).rejects.toMatchObject({ field: "jurisdiction" });
    await expect(createUser(admin, { ...base, password: "alllowercase1" })).rejects.toMatchObject({ field: "password" });
    await expect(createUser(admin, { ...base, username: "admin" })).rejects.toMatchObject({ code: "conflict", field: "username" });
    expect(await s.handle.db.select().from(users).where(eq(users.username, "new.user"))).toHaveLength(0);
    const { id } = await createUser(admin, base);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
