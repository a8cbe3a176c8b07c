import { expect, test, type Page } from "@playwright/test";
import bcrypt from "bcryptjs";
import { e2eSql } from "./helpers/db";
import { loginAs } from "./helpers/login";

// 等保 身份鉴别: an expired password leads to the change page, from the login
// form and from any page or API call, until a password that meets the policy
// is chosen; screenshots of the page (1280 px) go to test-results/screens.
const sql = e2eSql();
test.afterAll(async () => sql.end());
test.use({ viewport: { width: 1280, height: 860 } });

const OLD = "Laoshi#Pw-5531";
// By name: after a refusal the field's label also holds its message.
const field = (page: Page, name: string) => page.locator(`input[name="${name}"]`);
const fieldMessage = (page: Page, name: string) => page.locator("label", { has: field(page, name) });
const NEW = "Hq7@Lantern-2948";

test("a user whose password is 100 days old must change it before anything else; a weak one is refused in Chinese", async ({ page }) => {
  const hash = await bcrypt.hash(OLD, 4);
  await sql`insert into users (username, display_name, password_hash, department, role, jurisdiction, password_changed_at)
            values ('expired.clerk', '欧阳秀兰', ${hash}, 'civil_affairs', 'clerk', '430524000000', now() - interval '100 days')`;

  await page.goto("/login");
  await page.getByLabel("用户名").fill("expired.clerk");
  await page.getByLabel("密码").fill(OLD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByTestId("password-change-due")).toContainText("您的密码已使用满 90 天");
  await expect(page.getByTestId("password-user")).toContainText("欧阳秀兰（expired.clerk）");
  await page.screenshot({ path: "test-results/screens/password-change-due.png", fullPage: true });

  // Every other page, and the API with the session cookie, lead nowhere else.
  for (const path of ["/", "/people", "/admin/users", "/stats"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/account\/password$/);
  }
  const api = await page.request.get("/api/v1/stats/coverage");
  expect(api.status()).toBe(403);
  expect((await api.json()).error).toContain("请先修改密码");

  // A well-known password, then the same one as now: each refused with the reason, nothing changed.
  await field(page, "current").fill(OLD);
  await field(page, "next").fill("Password123!");
  await field(page, "confirm").fill("Password123!");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByTestId("password-error")).toContainText("未能修改密码");
  await expect(fieldMessage(page, "next")).toContainText("密码过于常见或有规律");
  await page.screenshot({ path: "test-results/screens/password-change-refused.png", fullPage: true });
  await field(page, "current").fill(OLD);
  await field(page, "next").fill(OLD);
  await field(page, "confirm").fill(OLD);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(fieldMessage(page, "next")).toContainText("不能与最近 5 次使用过的密码相同");
  const [still] = await sql<{ days: number }[]>`select extract(day from now() - password_changed_at)::int as days from users where username = 'expired.clerk'`;
  expect(still!.days).toBeGreaterThanOrEqual(99);

  await field(page, "current").fill(OLD);
  await field(page, "next").fill(NEW);
  await field(page, "confirm").fill(NEW);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByTestId("password-changed")).toContainText("密码已修改");
  await page.getByRole("link", { name: "进入工作台" }).click();
  await expect(page.getByTestId("who")).toContainText("欧阳秀兰");
  await page.goto("/people");
  await expect(page).toHaveURL(/\/people/);

  const [after] = await sql<{ must: boolean; fresh: boolean; history: number }[]>`
    select must_change_password as must, password_changed_at > now() - interval '5 minutes' as fresh,
           (select count(*)::int from password_history h where h.user_id = u.id) as history
      from users u where username = 'expired.clerk'`;
  expect(after).toEqual({ must: false, fresh: true, history: 1 });
  const audit = await sql<{ outcome: string; detail: string }[]>`
    select outcome, detail::text as detail from audit_log where action = 'auth.password_change' and username = 'expired.clerk' order by id`;
  expect(audit.map((a) => a.outcome)).toEqual(["success"]);
  expect(audit[0]!.detail).toContain('"due": "expired"');
  for (const a of audit) for (const secret of [OLD, NEW, "Password123!"]) expect(a.detail).not.toContain(secret);
});

test("a demo user opens 修改密码 from the header: no change due, the way back to the workbench", async ({ page }) => {
  await loginAs(page, "caizheng.viewer");
  await page.getByTestId("change-password-link").click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByTestId("password-change-due")).toHaveCount(0);
  await field(page, "current").fill("not-my-password");
  await field(page, "next").fill(NEW);
  await field(page, "confirm").fill(NEW);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(fieldMessage(page, "current")).toContainText("当前密码不正确");
  await page.screenshot({ path: "test-results/screens/password-change-voluntary.png", fullPage: true });
  await page.getByRole("link", { name: "← 返回工作台" }).click();
  await expect(page.getByTestId("who")).toBeVisible();
});
