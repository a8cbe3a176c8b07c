import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { passwordHistory, users } from "@/db/schema";
import { changeOwnPassword } from "@/lib/auth/change-own-password";
import type { UseCaseContext } from "@/lib/auth/context";
import { resolveSession } from "@/lib/auth/resolve-session-user";
import { verifyLogin } from "@/lib/auth/verify-login";
import { DEMO_PASSWORD } from "@/lib/demo/demo-accounts";
import { createUser } from "@/lib/users/create-user";
import { resetPassword } from "@/lib/users/reset-password";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// 等保 level 3, 身份鉴别 (GB/T 22239-2019 §8.1.4.1 a): password complexity, no
// reuse, periodic change, a forced change after an administrator set the
// password; on the real database, every refusal in Chinese and nothing stored.

const DAY = 86_400_000;

describe.each(drivers())("password policy on %s", (driver) => {
  let s: Scratch;
  let admin: UseCaseContext;
  beforeAll(async () => {
    s = await seededDb(driver);
    admin = await contextOf(s, "admin");
  });
  afterAll(async () => s?.drop());

  let address = 0;
  const login = async (username: string, password: string) => {
    const r = await verifyLogin(s.handle.db, { username, password, ip: `10.9.0.${++address % 250}`, userAgent: "vitest" });
    if (!r.ok) throw new Error(`login of ${username} refused`);
    return r;
  };
  const session = (claims: { uid: string; sv: number; sid: string }, now = new Date(), maxAgeDays?: number) =>
    resolveSession(s.handle.db, claims, { now, maxAgeDays });
  const row = async (username: string) => (await s.handle.db.select().from(users).where(eq(users.username, username)))[0]!;
  const audits = (action: string, objectId: string) =>
    s.handle.raw.query<{ outcome: string; detail: Record<string, unknown> | null; username: string }>(
      "select outcome, detail, username from audit_log where action = $1 and object_id = $2 order by id",
      [action, objectId],
    );
  const base = { username: "gaoping.clerk", displayName: "曾桂英", department: "township", role: "clerk", jurisdiction: "430524104000" };

  it("refuses a new account's password for each rule, in Chinese naming what is wrong, and stores nothing", async () => {
    const cases: [string, string][] = [
      ["Ab1#xyz", "密码至少 10 位（现为 7 位）"],
      ["xk9mp2qlwz", "至少三类（缺少：大写字母、符号）"],
      ["Gaoping.Clerk#7x", "密码不能包含用户名"],
      ["曾桂英#Xk9mP2q", "密码不能包含本人姓名"],
      ["Id430524199001010016x", "密码不能包含身份证号码"],
      ["Portal#2026", "过于常见或有规律"],
      ["Password123!", "过于常见或有规律"],
      ["Qwerty123456", "过于常见或有规律"],
      [`Ab1#${"é".repeat(34)}x`, "密码不能超过 72 字节（现为 73 字节"],
    ];
    for (const [password, message] of cases) {
      await expect(createUser(admin, { ...base, password }), password).rejects.toMatchObject({ field: "password", message: expect.stringContaining(message) });
    }
    expect(await s.handle.db.select().from(users).where(eq(users.username, "gaoping.clerk"))).toHaveLength(0);
  });

  it("makes a new account change the administrator's password at its first sign-in; the change is audited without the password", async () => {
    const { id } = await createUser(admin, { ...base, password: "Shanlu@7315k" });
    const claims = await login("gaoping.clerk", "Shanlu@7315k");
    expect(await session(claims)).toMatchObject({ user: { username: "gaoping.clerk" }, passwordChange: "initial" });
    const ctx = await contextOf(s, "gaoping.clerk");
    const keep = { keepSessionId: claims.sid, reason: "initial" as const };
    await expect(changeOwnPassword(ctx, { current: "Shanlu@7315k", next: "Shanlu@7315k", confirm: "Shanlu@7315k" }, keep)).rejects.toMatchObject({
      field: "next",
      message: "新密码不能与最近 5 次使用过的密码相同，请换一个从未用过的密码",
    });
    await expect(changeOwnPassword(ctx, { current: "Shanlu@7315k", next: "Mq7#vTz2wLp", confirm: "Mq7#vTz2wLq" }, keep)).rejects.toMatchObject({ field: "confirm" });
    await changeOwnPassword(ctx, { current: "Shanlu@7315k", next: "Mq7#vTz2wLp", confirm: "Mq7#vTz2wLp" }, keep);
    // The session that changed it goes on, now without a change due.
    expect(await session(claims)).toMatchObject({ user: { username: "gaoping.clerk" }, passwordChange: null });
    const rows = await audits("auth.password_change", id);
    expect(rows).toMatchObject([{ outcome: "success", username: "gaoping.clerk", detail: { due: "initial" } }]);
    const all = JSON.stringify(await s.handle.raw.query("select * from audit_log where object_id = $1", [id]));
    for (const secret of ["Shanlu@7315k", "Mq7#vTz2wLp"]) expect(all).not.toContain(secret);
  });

  it("refuses a wrong current password (audited) and any of the last five passwords; the sixth back is allowed again", async () => {
    const ctx = await contextOf(s, "minzheng.clerk");
    const { id } = await row("minzheng.clerk");
    const change = (current: string, next: string) => changeOwnPassword(ctx, { current, next, confirm: next }, { keepSessionId: null, reason: null });
    await expect(change("Not-the-password-1", "Mq7#vTz2wLa")).rejects.toMatchObject({ field: "current", message: "当前密码不正确，请重新输入" });
    expect(await audits("auth.password_change", id)).toMatchObject([{ outcome: "refused", detail: { reason: "当前密码不正确" } }]);
    const sequence = ["Mq7#vTz2wLa", "Mq7#vTz2wLb", "Mq7#vTz2wLc", "Mq7#vTz2wLd", "Mq7#vTz2wLe"];
    let current = DEMO_PASSWORD;
    for (const next of sequence) {
      await change(current, next);
      current = next;
    }
    // The current one and the four before it: DEMO_PASSWORD is now the sixth back.
    // (Three of the five: each refusal costs up to five bcrypt comparisons.)
    for (const reused of [sequence[0]!, sequence[2]!, sequence[4]!]) await expect(change(current, reused), reused).rejects.toMatchObject({ field: "next", message: expect.stringContaining("最近 5 次") });
    expect(await s.handle.db.select().from(passwordHistory).where(eq(passwordHistory.userId, id))).toHaveLength(4);
    await change(current, DEMO_PASSWORD);
    expect((await audits("auth.password_change", id)).filter((a) => a.outcome === "success")).toHaveLength(6);
  }, 180_000);

  it("forces a change once the password is older than PASSWORD_MAX_AGE_DAYS (90 by default)", async () => {
    const claims = await login("xiangcun.clerk", DEMO_PASSWORD);
    // The session's own limits are not what is tested here: resolve right after sign-in, with the password's age moved instead.
    await s.handle.db.update(users).set({ passwordChangedAt: new Date(Date.now() - 89 * DAY) }).where(eq(users.id, claims.uid));
    expect(await session(claims)).toMatchObject({ passwordChange: null });
    await s.handle.db.update(users).set({ passwordChangedAt: new Date(Date.now() - 91 * DAY) }).where(eq(users.id, claims.uid));
    expect(await session(claims)).toMatchObject({ user: { username: "xiangcun.clerk" }, passwordChange: "expired" });
    expect(await session(claims, new Date(), 120)).toMatchObject({ passwordChange: null });
    const ctx = await contextOf(s, "xiangcun.clerk");
    await changeOwnPassword(ctx, { current: DEMO_PASSWORD, next: "Xc#4vLm9qTw", confirm: "Xc#4vLm9qTw" }, { keepSessionId: claims.sid, reason: "expired" });
    expect(await session(claims)).toMatchObject({ passwordChange: null });
    expect(await audits("auth.password_change", claims.uid)).toMatchObject([{ outcome: "success", detail: { due: "expired", otherSessionsEnded: 0 } }]);
  });

  it("after an administrator's reset: every session ends, the next sign-in must change it, audited; the reset itself follows the policy", async () => {
    const before = await login("tuiyi.clerk", DEMO_PASSWORD);
    const { id } = await row("tuiyi.clerk");
    await expect(resetPassword(admin, id, "Password123!")).rejects.toMatchObject({ field: "password", message: expect.stringContaining("过于常见") });
    await expect(resetPassword(admin, id, DEMO_PASSWORD)).rejects.toMatchObject({ field: "password", message: expect.stringContaining("最近 5 次") });
    await resetPassword(admin, id, "Tz#8kQw2mVn");
    expect(await session(before)).toMatchObject({ user: null });
    const after = await login("tuiyi.clerk", "Tz#8kQw2mVn");
    expect(await session(after)).toMatchObject({ passwordChange: "initial" });
    expect(await audits("users.reset_password", id)).toMatchObject([{ outcome: "success", username: "admin", detail: { mustChangeAtNextLogin: true } }]);
    // A second session opened meanwhile ends when the change is made from the first.
    const other = await login("tuiyi.clerk", "Tz#8kQw2mVn");
    const ctx = await contextOf(s, "tuiyi.clerk");
    await changeOwnPassword(ctx, { current: "Tz#8kQw2mVn", next: "Rw5$hJ3nKp", confirm: "Rw5$hJ3nKp" }, { keepSessionId: after.sid, reason: "initial" });
    expect(await session(after)).toMatchObject({ passwordChange: null });
    expect(await session(other)).toMatchObject({ user: null });
  });

  it("never signs in with a password over 72 bytes, nor with a different tail after byte 72", async () => {
    const head = `Ab1#${"é".repeat(34)}`; // 72 bytes
    const { id } = await row("canlian.clerk");
    // A hash made before the limit existed, of a 76-byte password (bcrypt saw only its first 72 bytes).
    const bcrypt = (await import("bcryptjs")).default;
    await s.handle.db.update(users).set({ passwordHash: await bcrypt.hash(`${head}tail`, 4) }).where(eq(users.id, id));
    const attempt = (password: string) => verifyLogin(s.handle.db, { username: "canlian.clerk", password, ip: "10.9.1.1", userAgent: "vitest" });
    expect(await attempt(`${head}TAIL`)).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt(`${head}tail`)).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt(head)).toMatchObject({ ok: true });
  });
});
