import { expect, test, type Page } from "@playwright/test";
import { e2eSql } from "./helpers/db";
import { loginAs } from "./helpers/login";

const sql = e2eSql();
test.afterAll(async () => sql.end());

// Test data, not the real 2027 notice: Fri 2027-01-01 … Sun 01-03 元旦.
const SCHEDULE_2027 = {
  year: 2027,
  holidays: [
    { name: "元旦", days: ["2027-01-01", "2027-01-02", "2027-01-03"] },
    { name: "国庆节", days: ["2027-10-01", "2027-10-02", "2027-10-03", "2027-10-04", "2027-10-05", "2027-10-06", "2027-10-07"] },
  ],
  makeupWorkdays: ["2027-09-26", "2027-10-09"],
  source: "端到端测试：2027年部分节假日安排（示例数据）",
};

async function upload(page: Page, name: string, content: string) {
  await page.getByLabel(/或选择 \.json 文件/).setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(content, "utf8") });
  await page.getByRole("button", { name: "导入", exact: true }).click();
}

const versionsOf = async (year: number) => (await sql<{ version: number }[]>`select version from holiday_schedules where year = ${year}`).length;

test("the administrator sees 2025 National Day, loads 2027 from a file, and a malformed upload names the field", async ({ page }) => {
  await loginAs(page, "admin");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "工作日历" }).click();
  await expect(page).toHaveURL(/\/admin\/calendar$/);
  const list = page.getByTestId("schedule-list");
  // 2019–2026 as published, and 2027 shipped provisional (暂定) as version 1.
  await expect(list.locator("tbody tr")).toHaveCount(9);

  await list.locator('tr[data-year="2025"]').getByRole("link", { name: "查看年历" }).click();
  const year = page.getByTestId("year-view");
  await expect(year).toContainText("2025年年历");
  const nationalDay = year.locator('[data-date="2025-10-01"]');
  await expect(nationalDay).toHaveAttribute("data-kind", "holiday");
  await expect(nationalDay).toHaveAttribute("title", /国庆节、中秋节/);
  await expect(year.locator('[data-date="2025-09-28"]')).toHaveAttribute("data-kind", "makeup");
  await expect(year.locator('[data-date="2025-09-27"]')).toHaveAttribute("data-kind", "weekend");
  await expect(page.getByTestId("holiday-summary")).toContainText("国庆节、中秋节：10月1日–10月8日，共 8 天");

  // A weekday given as a make-up working day: the field and the fix are named, nothing is stored.
  await upload(page, "holidays-2028.json", JSON.stringify({ ...SCHEDULE_2027, year: 2028, holidays: [{ name: "元旦", days: ["2028-01-01"] }], makeupWorkdays: ["2028-01-04"] }));
  await expect(page.getByTestId("schedule-error")).toContainText("makeupWorkdays[0]：“2028-01-04”是星期二，调休上班日只能是星期六或星期日");
  await upload(page, "broken.json", '{ "year": 2028,\n  "holidays": [ }');
  await expect(page.getByTestId("schedule-error")).toContainText("不是有效的 JSON：第 2 行");
  expect(await versionsOf(2028)).toBe(0);

  await upload(page, "holidays-2027.json", JSON.stringify(SCHEDULE_2027, null, 2));
  await expect(page.getByTestId("load-result")).toContainText("已导入2027年节假日安排，现行为第 2 版");
  await expect(list.locator('tr[data-year="2027"]')).toContainText(SCHEDULE_2027.source);
  await expect(list.locator('tr[data-year="2027"]')).toContainText("系统管理员");
  await expect(year.locator('[data-date="2027-01-01"]')).toHaveAttribute("data-kind", "holiday");
  expect(await versionsOf(2027)).toBe(2);

  // The same file again changes nothing.
  await upload(page, "holidays-2027.json", JSON.stringify(SCHEDULE_2027));
  await expect(page.getByTestId("load-result")).toContainText("未作更改");
  expect(await versionsOf(2027)).toBe(2);
});

test("the deadline tool uses the database calendar and names a bad field", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/admin/calendar?year=2025");
  await page.getByLabel("起始日期（如受理日）").fill("2025-09-26");
  await page.getByLabel("工作日天数 N").fill("10");
  await page.getByLabel("名单月份（YYYY-MM）").fill("2025-10");
  await page.getByRole("button", { name: "计算" }).click();
  await expect(page.getByTestId("deadline-add")).toContainText("2025-10-16（星期四）");
  await expect(page.getByTestId("deadline-roster")).toContainText("2025-10-09");

  await page.goto("/admin/calendar?n=10&date=2025-09-26&month=2025-1");
  await expect(page.getByText("名单月份应为 YYYY-MM 格式，如 2025-10")).toBeVisible();
  await page.goto("/admin/calendar?month=2031-05");
  await expect(page.getByText("2031年的法定节假日安排尚未导入")).toBeVisible();
});

test("a non-administrator gets the 403 page", async ({ page }) => {
  await loginAs(page, "yibao.manager");
  const response = await page.goto("/admin/calendar");
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("forbidden")).toBeVisible();
});
