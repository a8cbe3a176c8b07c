import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { loginGuards, users } from "@/db/schema";
import type { UseCaseContext } from "@/lib/auth/context";
import { disableSecondFactor } from "@/lib/auth/disable-second-factor";
import { confirmSecondFactorEnrolment, pendingSecondFactorSecret, startSecondFactorEnrolment } from "@/lib/auth/enrol-second-factor";
import { regenerateRecoveryCodes } from "@/lib/auth/regenerate-recovery-codes";
import { resetSecondFactor } from "@/lib/auth/reset-second-factor";
import { adminTotpRequired, resolveSession } from "@/lib/auth/resolve-session-user";
import { currentTotp } from "@/lib/auth/totp";
import { verifyLogin } from "@/lib/auth/verify-login";
import { verifySecondFactor } from "@/lib/auth/verify-second-factor";
import { DEMO_PASSWORD } from "@/lib/demo/demo-accounts";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// 等保 level 3, 双因素鉴别 (GB/T 22239-2019 §8.1.4.1 d): the TOTP second factor
// on the real database — enrolment, sign-in with a code, wrong and replayed
// codes, recovery codes once each, the administrator's forced enrolment, the
// lock, the reset; the secret never in clear in its row, no code in the audit.

const SEC = 1000;

describe.each(drivers())("TOTP second factor on %s", (driver) => {
  let s: Scratch;
  let manager: UseCaseContext;
  let managerId: string;
  let secret: string;
  let recoveryCodes: string[];
  beforeAll(async () => {
    s = await seededDb(driver);
    manager = await contextOf(s, "yibao.manager");
    managerId = manager.actor.user.id;
  });
  afterAll(async () => s?.drop());

  let address = 0;
  const login = async (username: string, now = new Date()) => {
    const r = await verifyLogin(s.handle.db, { username, password: DEMO_PASSWORD, ip: `10.8.0.${++address % 250}`, userAgent: "vitest" }, { now });
    if (!r.ok) throw new Error(`login of ${username} refused: ${r.reason}`);
    return r;
  };
  const second = (r: { uid: string; sid: string }, code: string, now = new Date()) =>
    verifySecondFactor(s.handle.db, { sid: r.sid, userId: r.uid, code, ip: "10.8.1.1", userAgent: "vitest" }, { now });
  const audits = (action: string, objectId: string) =>
    s.handle.raw.query<{ outcome: string; detail: Record<string, unknown> | null }>(
      "select outcome, detail from audit_log where action = $1 and object_id = $2 order by id",
      [action, objectId],
    );

  it("enrols a manager: the secret sealed in its row, confirmed by a code, ten recovery codes kept only as salted hashes", async () => {
    await startSecondFactorEnrolment(manager);
    secret = (await pendingSecondFactorSecret(manager))!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const [row] = await s.handle.raw.query<{ secret_sealed: string; enabled_at: Date | null }>("select secret_sealed, enabled_at from user_totp where user_id = $1", [managerId]);
    expect(row!.enabled_at).toBeNull();
    expect(row!.secret_sealed).not.toContain(secret);
    expect(row!.secret_sealed).toMatch(/^[0-9a-f]{8}:/);

    // A wrong code does not enable it, and is audited without the code.
    const wrong = (await currentTotp(secret)) === "000000" ? "111111" : "000000";
    await expect(confirmSecondFactorEnrolment(manager, wrong)).rejects.toMatchObject({ field: "code" });
    expect((await audits("auth.totp_enable", managerId)).map((a) => a.outcome)).toEqual(["refused"]);

    recoveryCodes = await confirmSecondFactorEnrolment(manager, await currentTotp(secret));
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const stored = await s.handle.raw.query<{ salt: string; code_hash: string }>("select salt, code_hash from user_recovery_codes where user_id = $1", [managerId]);
    expect(stored).toHaveLength(10);
    const dump = JSON.stringify(stored);
    for (const c of recoveryCodes) expect(dump).not.toContain(c.replace("-", ""));
    expect(new Set(stored.map((r) => r.salt)).size).toBe(10);
    expect((await audits("auth.totp_enable", managerId)).map((a) => a.outcome)).toEqual(["refused", "success"]);
    // A clerk may not enrol (issue 14: administrators and managers).
    await expect(startSecondFactorEnrolment(await contextOf(s, "yibao.clerk"))).rejects.toMatchObject({ code: "forbidden" });
  });

  it("after the password, the session serves nothing until a code is accepted; a wrong code leaves it waiting", async () => {
    const now = new Date(Date.now() + 60 * SEC); // the next time step after the enrolment's code
    const r = await login("yibao.manager", now);
    expect(r.secondFactor).toBe(true);
    const before = await resolveSession(s.handle.db, r, { now });
    expect(before).toMatchObject({ user: null, awaitingSecondFactor: { userId: managerId, sid: r.sid } });
    const right = await currentTotp(secret, now);
    const wrong = right === "123456" ? "654321" : "123456";
    expect(await second(r, wrong, now)).toEqual({ ok: false, reason: "invalid" });
    expect(await second(r, "12ab", now)).toEqual({ ok: false, reason: "malformed" });
    expect((await resolveSession(s.handle.db, r, { now })).user).toBeNull();
    expect(await second(r, right.slice(0, 3) + " " + right.slice(3), now)).toEqual({ ok: true, method: "totp" });
    expect((await resolveSession(s.handle.db, r, { now })).user).toMatchObject({ username: "yibao.manager" });

    // The same code again, on a new sign-in within its window: refused (used once).
    const again = await login("yibao.manager", now);
    expect(await second(again, right, new Date(now.getTime() + 5 * SEC))).toEqual({ ok: false, reason: "invalid" });
    // The next step's code passes.
    const later = new Date(now.getTime() + 31 * SEC);
    expect(await second(again, await currentTotp(secret, later), later)).toEqual({ ok: true, method: "totp" });
    const outcomes = (await audits("auth.second_factor", managerId)).map((a) => `${a.outcome}:${a.detail?.method}`);
    expect(outcomes).toEqual(["refused:totp", "success:totp", "refused:totp", "success:totp"]);
  });

  it("signs in with a recovery code once; the same code twice is refused", async () => {
    const r = await login("yibao.manager");
    expect(await second(r, recoveryCodes[0]!.toUpperCase())).toEqual({ ok: true, method: "recovery", recoveryCodesLeft: 9 });
    const r2 = await login("yibao.manager");
    expect(await second(r2, recoveryCodes[0]!)).toEqual({ ok: false, reason: "invalid" });
    expect(await second(r2, recoveryCodes[1]!)).toMatchObject({ ok: true, method: "recovery" });
    const [used] = await s.handle.raw.query<{ n: number }>("select count(*)::int as n from user_recovery_codes where user_id = $1 and used_at is not null", [managerId]);
    expect(used!.n).toBe(2);
  });

  it("sends an administrator without a second factor to enrol before anything else when required; not on the demo county by default", async () => {
    const admin = await contextOf(s, "admin");
    const r = await login("admin");
    expect(r.secondFactor).toBe(false);
    expect(await resolveSession(s.handle.db, r, { requireAdminTotp: true })).toMatchObject({ user: { username: "admin" }, secondFactorEnrolment: true });
    expect(await resolveSession(s.handle.db, r, { requireAdminTotp: false })).toMatchObject({ secondFactorEnrolment: false });
    // Managers may, but need not.
    const m = await login("yibao.clerk");
    expect(await resolveSession(s.handle.db, m, { requireAdminTotp: true })).toMatchObject({ secondFactorEnrolment: false });
    // The default: off on a database holding the demo county, REQUIRE_ADMIN_TOTP=1 turns it on.
    const saved = process.env.REQUIRE_ADMIN_TOTP;
    try {
      delete process.env.REQUIRE_ADMIN_TOTP;
      expect(await adminTotpRequired(s.handle.db)).toBe(false);
      process.env.REQUIRE_ADMIN_TOTP = "1";
      expect(await adminTotpRequired(s.handle.db)).toBe(true);
      expect(await resolveSession(s.handle.db, r)).toMatchObject({ secondFactorEnrolment: true });
    } finally {
      if (saved === undefined) delete process.env.REQUIRE_ADMIN_TOTP;
      else process.env.REQUIRE_ADMIN_TOTP = saved;
    }
    await startSecondFactorEnrolment(admin);
    const adminSecret = (await pendingSecondFactorSecret(admin))!;
    await confirmSecondFactorEnrolment(admin, await currentTotp(adminSecret));
    expect(await resolveSession(s.handle.db, r, { requireAdminTotp: true })).toMatchObject({ user: { username: "admin" }, secondFactorEnrolment: false });
  });

  it("new recovery codes need a current code; the old ones stop working", async () => {
    const now = new Date(Date.now() + 120 * SEC);
    const fresh = await regenerateRecoveryCodes({ ...manager, now: () => now }, await currentTotp(secret, now));
    expect(fresh).toHaveLength(10);
    const r = await login("yibao.manager");
    expect(await second(r, recoveryCodes[2]!)).toEqual({ ok: false, reason: "invalid" });
    expect(await second(r, fresh[0]!)).toMatchObject({ ok: true, method: "recovery", recoveryCodesLeft: 9 });
    expect((await audits("auth.recovery_codes", managerId)).map((a) => a.outcome)).toEqual(["success"]);
  });

  it("locks the account after five wrong codes, even across sign-ins with the right password, and ends the waiting session", async () => {
    await s.handle.db.delete(loginGuards).where(eq(loginGuards.key, "user:yibao.manager"));
    const wrong = async (r: { uid: string; sid: string }) => second(r, "000000" === (await currentTotp(secret)) ? "111111" : "000000");
    const a = await login("yibao.manager");
    for (let i = 0; i < 3; i++) expect(await wrong(a)).toEqual({ ok: false, reason: "invalid" });
    const b = await login("yibao.manager"); // a right password does not reset the count while the code is due
    expect(await wrong(b)).toEqual({ ok: false, reason: "invalid" });
    expect(await wrong(b)).toMatchObject({ ok: false, reason: "locked" });
    expect(await resolveSession(s.handle.db, b)).toMatchObject({ user: null, expired: "ended" });
    expect(await verifyLogin(s.handle.db, { username: "yibao.manager", password: DEMO_PASSWORD, ip: "10.8.2.1", userAgent: "vitest" })).toMatchObject({ ok: false, reason: "locked" });
    expect((await s.handle.raw.query("select 1 from audit_log where action = 'auth.lock' and detail->>'username' = 'yibao.manager'")).length).toBe(1);
    await s.handle.db.delete(loginGuards).where(eq(loginGuards.key, "user:yibao.manager"));
  });

  it("turns off with the password (refused with a wrong one); an administrator resets another user's, audited, ending their sessions", async () => {
    await expect(disableSecondFactor(manager, { password: "wrong-password" })).rejects.toMatchObject({ field: "password" });
    await disableSecondFactor(manager, { password: DEMO_PASSWORD });
    expect((await audits("auth.totp_disable", managerId)).map((a) => `${a.outcome}:${a.detail?.proof ?? a.detail?.reason}`)).toEqual([
      "refused:密码不正确",
      "success:password",
    ]);
    expect((await login("yibao.manager")).secondFactor).toBe(false);
    expect(await s.handle.raw.query("select 1 from user_totp where user_id = $1 union all select 1 from user_recovery_codes where user_id = $1", [managerId])).toEqual([]);

    // Enrol again, then the administrator resets it.
    await startSecondFactorEnrolment(manager);
    const next = (await pendingSecondFactorSecret(manager))!;
    await confirmSecondFactorEnrolment(manager, await currentTotp(next));
    const r = await login("yibao.manager");
    expect(r.secondFactor).toBe(true);
    const later = new Date(Date.now() + 30 * SEC);
    expect(await second(r, await currentTotp(next, later), later)).toMatchObject({ ok: true });
    const admin = await contextOf(s, "admin");
    await expect(resetSecondFactor(await contextOf(s, "yibao.reviewer"), managerId)).rejects.toMatchObject({ code: "forbidden" });
    await expect(resetSecondFactor(admin, admin.actor.user.id)).rejects.toMatchObject({ field: "secondFactor" });
    const [before] = await s.handle.db.select().from(users).where(eq(users.id, managerId));
    await resetSecondFactor(admin, managerId);
    const [after] = await s.handle.db.select().from(users).where(eq(users.id, managerId));
    expect(after!.sessionVersion).toBe(before!.sessionVersion + 1);
    expect(await s.handle.raw.query("select 1 from user_totp where user_id = $1", [managerId])).toEqual([]);
    expect((await resolveSession(s.handle.db, r, { now: later })).user).toBeNull();
    await expect(resetSecondFactor(admin, managerId)).rejects.toMatchObject({ field: "secondFactor" });
    const [reset] = await s.handle.raw.query<{ username: string; outcome: string }>("select username, outcome from audit_log where action = 'users.reset_second_factor' and object_id = $1", [managerId]);
    expect(reset).toEqual({ username: "admin", outcome: "success" });
  });

  it("writes no secret and no code into the audit log", async () => {
    const rows = await s.handle.raw.query<{ detail: unknown }>("select detail from audit_log where action like 'auth.%' or action like 'users.reset_second%'");
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(secret);
    for (const c of recoveryCodes) expect(dump).not.toContain(c);
  });
});
