import { expect, test, type Page } from "@playwright/test";
import bcrypt from "bcryptjs";
import { generate } from "otplib";
import { e2eSql } from "./helpers/db";
import { loginAs, signOutOfBrowser } from "./helpers/login";

// 等保 双因素鉴别: a manager sets up the TOTP second factor on 账户安全 with a
// code computed here by otplib (as the phone's app would), signs out, signs in
// with password and code, then with a recovery code; an administrator resets
// it. Screenshots (1280 px; the code page also 390 px) go to test-results/screens.
const sql = e2eSql();
test.afterAll(async () => sql.end());
test.use({ viewport: { width: 1280, height: 860 } });

// A user of its own per attempt (set in the test): a retry, or a second run on
// the same database, cannot delete an earlier attempt's user (its sessions and
// audit rows refer to it).
let USER = "";
const PASSWORD = "Hq7@Lantern-6613";

const step = (ms = Date.now()) => Math.floor(ms / 30_000);

/** A code of a time step later than `after` (each step is accepted once): waits for the next step when needed. */
async function freshCode(secret: string, after: number): Promise<{ code: string; step: number }> {
  while (step() <= after) await new Promise((r) => setTimeout(r, 500));
  // Not in the last two seconds of a step, so the code is still current when the server checks it.
  if (30_000 - (Date.now() % 30_000) < 2_000) await new Promise((r) => setTimeout(r, 2_500));
  const now = Date.now();
  return { code: await generate({ secret, epoch: Math.floor(now / 1000) }), step: step(now) };
}

async function passwordStep(page: Page) {
  await signOutOfBrowser(page);
  await page.goto("/login");
  await page.getByLabel("用户名").fill(USER);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/login\/verify$/);
}

test("a manager enrols a TOTP second factor, then signs in with password and code, and once with a recovery code; an administrator resets it", async ({ page, browser }) => {
  test.setTimeout(180_000);
  USER = `totp.manager.${Date.now().toString(36)}`;
  const hash = await bcrypt.hash(PASSWORD, 4);
  const [created] = await sql<{ id: string }[]>`insert into users (username, display_name, password_hash, department, role, jurisdiction)
    values (${USER}, '龙佳慧', ${hash}, 'medical_security', 'manager', '430524000000') returning id`;
  const id = created!.id;

  // Enrol: 账户安全 from the header.
  await loginAs(page, USER, PASSWORD);
  await page.getByTestId("account-security-link").click();
  await expect(page).toHaveURL(/\/account\/security$/);
  await page.screenshot({ path: "test-results/screens/second-factor-off.png", fullPage: true });
  await page.getByRole("button", { name: "开始设置" }).click();
  await expect(page.getByTestId("totp-qr")).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  // The secret is sealed in its row, not there in clear.
  const [row] = await sql<{ secret_sealed: string; enabled_at: Date | null }[]>`select secret_sealed, enabled_at from user_totp where user_id = ${id}`;
  expect(row!.secret_sealed).not.toContain(secret);
  expect(row!.enabled_at).toBeNull();
  await page.screenshot({ path: "test-results/screens/second-factor-enrol.png", fullPage: true });

  await page.locator('input[name="code"]').fill("000000" === (await generate({ secret })) ? "111111" : "000000");
  await page.getByRole("button", { name: "验证并启用" }).click();
  await expect(page.locator("label", { has: page.locator('input[name="code"]') })).toContainText("验证码不正确");
  const enrolled = await freshCode(secret, -1);
  await page.locator('input[name="code"]').fill(enrolled.code);
  await page.getByRole("button", { name: "验证并启用" }).click();
  await expect(page.getByTestId("totp-enabled")).toBeVisible();
  const codes = await page.getByTestId("recovery-code").allInnerTexts();
  expect(codes).toHaveLength(10);
  await page.screenshot({ path: "test-results/screens/second-factor-recovery-codes.png", fullPage: true });

  // Sign out; the password alone opens nothing.
  await passwordStep(page);
  for (const path of ["/", "/people", "/account/security"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/login\/verify$/);
  }
  expect((await page.request.get("/api/v1/stats/coverage")).status()).toBe(401);
  await page.screenshot({ path: "test-results/screens/second-factor-verify.png", fullPage: true });
  // The enrolment's own code, replayed while it is still current: refused.
  const replayed = step() === enrolled.step;
  if (replayed) {
    await page.getByLabel("动态验证码").fill(enrolled.code);
    await page.getByRole("button", { name: "验证并登录" }).click();
    await expect(page.getByTestId("verify-error")).toContainText("验证码不正确或已使用过");
  }
  await page.getByLabel("动态验证码").fill("12345");
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page.getByTestId("verify-error")).toContainText("请输入验证器应用上显示的 6 位数字");
  await page.screenshot({ path: "test-results/screens/second-factor-verify-refused.png", fullPage: true });
  const signIn = await freshCode(secret, enrolled.step);
  await page.getByLabel("动态验证码").fill(signIn.code);
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page.getByTestId("who")).toContainText("龙佳慧");

  // A recovery code, once.
  await passwordStep(page);
  await page.getByLabel("动态验证码").fill(codes[0]!);
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page).toHaveURL(/\/account\/security\?recoveryLeft=9$/);
  await expect(page.getByTestId("recovery-used")).toContainText("还剩 9 个");
  await expect(page.getByTestId("second-factor-status")).toContainText("剩余未使用的恢复码：9 个");
  await page.screenshot({ path: "test-results/screens/second-factor-on.png", fullPage: true });
  await passwordStep(page);
  await page.getByLabel("动态验证码").fill(codes[0]!);
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page.getByTestId("verify-error")).toContainText("验证码不正确或已使用过");

  // The code page on a phone.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const p = await phone.newPage();
    await passwordStep(p);
    await p.screenshot({ path: "test-results/screens/second-factor-verify-390.png", fullPage: true });
  } finally {
    await phone.close();
  }

  // An administrator resets it: the manager signs in with the password alone again.
  await loginAs(page, "admin");
  await page.goto(`/admin/users/${id}`);
  await page.getByRole("button", { name: "重置双因素鉴别" }).click();
  await expect(page.getByTestId("second-factor-reset-result")).toContainText("已重置该用户的双因素鉴别");
  await page.screenshot({ path: "test-results/screens/second-factor-admin-reset.png", fullPage: true });
  await loginAs(page, USER, PASSWORD);
  const audits = await sql<{ action: string; outcome: string }[]>`select action, outcome from audit_log where object_id = ${id} and action in
    ('auth.totp_enable', 'auth.second_factor', 'users.reset_second_factor') order by id`;
  expect(audits.map((a) => `${a.action}:${a.outcome}`)).toEqual([
    "auth.totp_enable:refused",
    "auth.totp_enable:success",
    ...(replayed ? ["auth.second_factor:refused"] : []),
    "auth.second_factor:success",
    "auth.second_factor:success",
    "auth.second_factor:refused",
    "users.reset_second_factor:success",
  ]);
});
