import { expect, test } from "@playwright/test";
import bcrypt from "bcryptjs";
import { e2eSql } from "./helpers/db";
import { loginAs, signInOnly } from "./helpers/login";

const sql = e2eSql();
test.afterAll(async () => sql.end());

test("an administrator creates a user, who can then log in; bad input names the field", async ({ page, browser }) => {
  await loginAs(page, "admin");
  await page.goto("/admin/users/new");
  // The username input by its name: the password field's label names 用户名 too, and after a refusal the
  // field's accessible name carries the error.
  const username = page.locator('input[name="username"]');
  await username.fill("Bad Name");
  await page.getByRole("button", { name: "创建用户" }).click();
  await expect(page.getByText("用户名为3–32位小写字母")).toBeVisible();

  await username.fill("gaoping.clerk");
  await page.getByLabel("姓名", { exact: true }).fill("曾桂英");
  await page.getByLabel("所属部门").selectOption("township");
  await page.getByLabel("角色").selectOption("clerk");
  await page.getByLabel("管辖区划").selectOption("430524104000");
  await page.getByLabel(/初始密码/).fill("short");
  await page.getByRole("button", { name: "创建用户" }).click();
  await expect(page.getByText("密码至少 10 位")).toBeVisible();
  expect((await sql`select 1 from users where username = 'gaoping.clerk'`).length).toBe(0);

  // The password policy: not the username (nor a part of it), not a well-known password.
  await page.getByLabel(/初始密码/).fill("Gaoping#2026x");
  await page.getByRole("button", { name: "创建用户" }).click();
  await expect(page.getByText("密码不能包含用户名中的“gaoping”")).toBeVisible();
  await page.getByLabel(/初始密码/).fill("Shanlu@7315k");
  await page.getByRole("button", { name: "创建用户" }).click();
  await expect(page.getByText("用户已创建")).toBeVisible();

  // The administrator chose the password: the first sign-in leads to the change page, and nowhere else until it is changed.
  const other = await browser.newContext();
  const p2 = await other.newPage();
  await signInOnly(p2, "gaoping.clerk", "Shanlu@7315k");
  await p2.goto("/people");
  await expect(p2).toHaveURL(/\/account\/password$/);
  await expect(p2.getByTestId("password-change-due")).toContainText("由系统管理员设置");
  await p2.locator('input[name="current"]').fill("Shanlu@7315k");
  await p2.locator('input[name="next"]').fill("Gp#Hill-6482m");
  await p2.locator('input[name="confirm"]').fill("Gp#Hill-6482m");
  await p2.getByRole("button", { name: "修改密码" }).click();
  await expect(p2.getByTestId("password-changed")).toBeVisible();
  await p2.getByRole("link", { name: "进入工作台" }).click();
  await expect(p2.getByTestId("who")).toContainText("高平镇 · 乡镇（街道） · 经办员");
  await other.close();
});

test("disabling a user or changing their role signs them out at once", async ({ page, browser }) => {
  // This test's own user, so the demo accounts other specs use stay as seeded.
  const hash = await bcrypt.hash("Victim#2026x", 4);
  await sql`insert into users (username, display_name, password_hash, department, role, jurisdiction)
            values ('victim.clerk', '测试用户', ${hash}, 'disability', 'clerk', '430524000000')`;
  const victim = await browser.newContext();
  const vp = await victim.newPage();
  await loginAs(vp, "victim.clerk", "Victim#2026x");
  await vp.goto("/people");
  await expect(vp.getByTestId("people-table")).toBeVisible();

  await loginAs(page, "admin");
  const [user] = await sql<{ id: string }[]>`select id from users where username = 'victim.clerk'`;
  await page.goto(`/admin/users/${user!.id}`);
  await page.getByLabel("角色").selectOption("manager");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByTestId("form-success")).toBeVisible();

  await vp.goto("/people");
  await expect(vp).toHaveURL(/\/login/);

  await loginAs(vp, "victim.clerk", "Victim#2026x");
  await page.getByRole("button", { name: "停用账号" }).click();
  await expect(page.getByTestId("status-result")).toContainText("账号已停用");
  await vp.goto("/");
  await expect(vp).toHaveURL(/\/login/);

  // A disabled account cannot log in again.
  await vp.getByLabel("用户名").fill("victim.clerk");
  await vp.getByLabel("密码").fill("Victim#2026x");
  await vp.getByRole("button", { name: "登录" }).click();
  await expect(vp.getByTestId("login-error")).toBeVisible();
  await victim.close();

  const [after] = await sql<{ status: string; role: string }[]>`select status, role from users where username = 'victim.clerk'`;
  expect(after).toEqual({ status: "disabled", role: "manager" });
});

test("the audit log lists changes with before/after and refusals, filtered by user and action", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/audit?username=admin&action=users.");
  const table = page.getByTestId("audit-table");
  await expect(table).toContainText("修改用户");
  await expect(table).toContainText("变更前："); // the detail in words, not JSON
  // The object by its kind and name (用户 姓名（用户名）), never a uuid.
  const objects = await table.locator("tbody tr td:nth-child(4)").allTextContents();
  expect(objects.some((o) => /^用户 .+（[a-z0-9._]+）$/.test(o))).toBe(true);
  expect(objects.filter((o) => /[0-9a-f]{8}-[0-9a-f]{4}-/.test(o))).toEqual([]);
  await expect(table).toContainText("停用用户");
  const users = await table.locator("tbody tr td:nth-child(2) [data-field=username]").allTextContents();
  expect(new Set(users)).toEqual(new Set(["admin"]));

  await page.goto("/audit?action=auth.login");
  await expect(table).toContainText("拒绝");

  await page.goto("/audit?from=2026-13-01");
  await expect(page.getByTestId("page-error")).toContainText("开始日期不是有效日期，格式应为 YYYY-MM-DD");
});
