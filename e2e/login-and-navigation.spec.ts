import { expect, test } from "@playwright/test";
import { expectReplayRefused, loginThroughForm } from "./helpers/login";

// The login form's own tests: every other spec signs in without it (loginAs).

// What each demo account must see in its navigation: written out here, apart
// from the permission matrix, so a change to who-sees-what is a conscious one.
const NAV: Record<string, string[]> = {
  admin: ["工作台", "政策管理", "用户管理", "接口令牌", "行政区划", "工作日历", "审计日志"],
  "yibao.clerk": ["工作台", "救助对象", "依申请救助", "监测预警", "公示管理", "统计分析", "支付批次", "报送情况", "汇总比对", "参保台账", "未参保销号", "导入结算记录", "救助试算", "政策管理"],
  "yibao.reviewer": ["工作台", "救助对象", "依申请救助", "监测预警", "公示管理", "统计分析", "报送情况", "重新结算", "救助试算", "政策管理"],
  "yibao.manager": ["工作台", "救助对象", "依申请救助", "监测预警", "公示管理", "统计分析", "报送情况", "重新结算", "救助试算", "政策管理", "行政区划", "审计日志"],
  "minzheng.clerk": ["工作台", "救助对象", "监测预警", "名单报送", "报送情况"],
  "xiangcun.clerk": ["工作台", "救助对象", "监测预警", "名单报送", "报送情况"],
  "tuiyi.clerk": ["工作台", "救助对象", "名单报送", "报送情况"],
  "canlian.clerk": ["工作台", "救助对象", "名单报送", "报送情况"],
  "taohong.clerk": ["工作台", "救助对象", "依申请救助", "监测预警", "统计分析", "未参保销号", "救助试算"],
  // The other township clerks (the on-application demo's townships) see what taohong.clerk sees.
  get "xiaoshajiang.clerk"() { return this["taohong.clerk"]!; },
  get "jinshiqiao.clerk"() { return this["taohong.clerk"]!; },
  get "simenqian.clerk"() { return this["taohong.clerk"]!; },
  "taohong.publisher": ["工作台", "公示管理"],
  "caizheng.viewer": ["工作台", "统计分析", "政策管理"],
};

const WHO: Record<string, RegExp> = {
  admin: /系统管理员.*隆回县 · 医疗保障局 · 系统管理员/,
  "taohong.clerk": /罗春兰.*桃洪镇 · 乡镇（街道） · 经办员/,
  "caizheng.viewer": /蒋慧敏.*隆回县 · 财政局 · 查看员/,
};

test.describe("each demo account", () => {
  for (const [username, items] of Object.entries(NAV)) {
    test(`${username} logs in and sees its own navigation`, async ({ page }) => {
      await loginThroughForm(page, username);
      const nav = page.getByRole("navigation", { name: "主导航" });
      await expect(nav.getByRole("link")).toHaveText(items);
      if (WHO[username]) await expect(page.getByTestId("who")).toHaveText(WHO[username]);
    });
  }
});

test("a wrong password shows a clear message and no session", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名").fill("yibao.clerk");
  await page.getByLabel("密码").fill("wrong-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("login-error")).toContainText("用户名或密码错误");
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("an empty form names the missing field", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("请输入用户名");
});

test("logout ends the session", async ({ page }) => {
  await loginThroughForm(page, "yibao.clerk");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/people");
  await expect(page).toHaveURL(/\/login/);
});

test("a session cookie replayed after 退出登录 is refused on the server", async ({ page, browser }) => {
  await loginThroughForm(page, "yibao.clerk");
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  // Someone who copied the cookie before the logout gets the login page, not the data.
  await expectReplayRefused(browser, cookies);
});

test("next-auth's own POST /api/auth/signout ends the server-side session too", async ({ page, browser }) => {
  await loginThroughForm(page, "yibao.reviewer");
  const cookies = await page.context().cookies();
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signout = await page.request.post("/api/auth/signout", { form: { csrfToken, callbackUrl: "/login" }, maxRedirects: 0 });
  expect(signout.status()).toBeLessThan(400);
  await expectReplayRefused(browser, cookies);
});

test("five wrong passwords lock the username, with the time to try again; unknown names are answered alike", async ({ page }) => {
  // A name no account has: the lock is per name as typed, so no demo account is locked for later tests.
  const name = `nobody.e2e${Date.now() % 100000}`;
  await page.goto("/login");
  for (let i = 1; i <= 5; i++) {
    // React resets the form after each answer: fill only once the previous answer has settled.
    await expect(page.getByRole("button", { name: "登录" })).toBeEnabled();
    await page.getByLabel("用户名").fill(name);
    await page.getByLabel("密码").fill(`wrong-${i}`);
    await expect(page.getByLabel("密码")).toHaveValue(`wrong-${i}`);
    const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login");
    await page.getByRole("button", { name: "登录" }).click();
    await answered;
    await expect(page.getByTestId("login-error")).toContainText(i < 5 ? "用户名或密码错误" : "已临时锁定");
  }
  await expect(page.getByTestId("login-error")).toHaveText(/请于 (\d+月\d+日 )?\d{2}:\d{2}（北京时间）后再试，或联系系统管理员解锁/);
});

test("an expired session's login page says so", async ({ page }) => {
  await page.goto("/login?expired=1");
  await expect(page.getByTestId("session-expired")).toContainText("登录已超时");
});

test("a page the role may not open is a 403 page, and an unknown route a 404 page", async ({ page }) => {
  await loginThroughForm(page, "minzheng.clerk");
  const forbidden = await page.goto("/admin/users");
  expect(forbidden?.status()).toBe(403);
  await expect(page.getByTestId("forbidden")).toContainText("无权访问");
  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  await expect(page.getByText("页面不存在")).toBeVisible();
});
