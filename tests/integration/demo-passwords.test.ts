import { afterAll, beforeAll, describe, expect, it } from "vitest";
import bcrypt from "bcryptjs";
import { eq, inArray } from "drizzle-orm";
import { auditLog, users } from "@/db/schema";
import { verifyLogin } from "@/lib/auth/verify-login";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, PREVIOUS_DEMO_PASSWORD } from "@/lib/demo/demo-accounts";
import { passwordProblem } from "@/lib/auth/domain/password-policy";
import { refreshDemoPasswords } from "@/seed/demo-passwords";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { seededDb } from "../helpers/seeded";

// The published demo password: it meets the policy, it never ages into a forced
// change, and a demo database made with the earlier one is moved to it.
describe.each(drivers())("demo account passwords on %s", (driver) => {
  let s: Scratch;
  beforeAll(async () => {
    s = await seededDb(driver);
  });
  afterAll(async () => s?.drop());
  const names = DEMO_ACCOUNTS.map((a) => a.username);

  it("meets the password policy for every demo account", () => {
    for (const a of DEMO_ACCOUNTS) expect(passwordProblem(DEMO_PASSWORD, a), a.username).toBeNull();
    expect(passwordProblem(PREVIOUS_DEMO_PASSWORD, DEMO_ACCOUNTS[0]!)).toMatch(/过于常见/);
  });

  it("dates the demo password afresh at start, and moves accounts still on the earlier one to it (audited); a changed one ages", async () => {
    const old = await bcrypt.hash(PREVIOUS_DEMO_PASSWORD, 4);
    const long = new Date(Date.now() - 200 * 86_400_000);
    await s.handle.db.update(users).set({ passwordHash: old, passwordChangedAt: long }).where(inArray(users.username, names.filter((n) => n !== "yibao.clerk")));
    // One demo account with a password of its own choosing: left alone.
    const own = await bcrypt.hash("Own#Choice-9274", 4);
    await s.handle.db.update(users).set({ passwordHash: own, passwordChangedAt: long }).where(eq(users.username, "yibao.clerk"));

    expect(await refreshDemoPasswords(s.handle.db)).toEqual({ "demo accounts moved to the new demo password": names.length - 1 });
    const login = (username: string, password: string) => verifyLogin(s.handle.db, { username, password, ip: "10.8.0.1", userAgent: "vitest" });
    expect(await login("admin", DEMO_PASSWORD)).toMatchObject({ ok: true });
    expect(await login("yibao.reviewer", PREVIOUS_DEMO_PASSWORD)).toMatchObject({ ok: false });
    const rows = await s.handle.db.select({ u: users.username, at: users.passwordChangedAt }).from(users).where(inArray(users.username, names));
    for (const r of rows) {
      if (r.u === "yibao.clerk") expect(r.at.getTime(), r.u).toBe(long.getTime());
      else expect(Date.now() - r.at.getTime(), r.u).toBeLessThan(60_000);
    }
    expect(await s.handle.db.select().from(auditLog).where(eq(auditLog.action, "system.demo_password"))).toHaveLength(1);

    // The next start: nothing to move, the dates kept fresh.
    expect(await refreshDemoPasswords(s.handle.db)).toBeNull();
  });
});
