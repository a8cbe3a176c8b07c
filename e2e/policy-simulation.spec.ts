import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { e2eSql } from "./helpers/db";
import { loginAs } from "./helpers/login";

// 政策测算 as the county's 医保 manager: the demo draft (longhui-2027, 常规医疗救助
// for 特困/低保 70 % → 75 %) simulated on this year's demo ledger, the
// difference and its reason seen, one person's two traces opened, the tables
// exported and read back — and nothing stored as settlement.

const sql = e2eSql();
test.afterAll(async () => sql.end());

const SHOTS = process.env.SHOTS_DIR;
const shot = async (page: import("@playwright/test").Page, name: string) => {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

const counts = async () =>
  (
    await sql<{ settlements: number; simulate: number; exports: number }[]>`
      select (select count(*) from claim_settlements)::int as settlements,
             (select count(*) from audit_log where action = 'policies.simulate')::int as simulate,
             (select count(*) from audit_log where action = 'policies.simulate_export')::int as exports`
  )[0]!;

test("a manager simulates a draft that raises a ratio, sees the difference and why, opens both traces and exports the tables", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const before = await counts();
  await loginAs(page, "yibao.manager");
  await page.goto("/policies/longhui-2027/1");
  await page.getByTestId("simulate-link").click();
  await expect(page).toHaveURL(/\/policies\/longhui-2027\/1\/simulate$/);
  await expect(page.getByRole("heading", { name: "政策测算" })).toBeVisible();
  await page.getByRole("button", { name: "开始测算" }).click();

  const result = page.getByTestId("simulation-result");
  await expect(result).toBeVisible();
  await expect(page.getByTestId("fund-diff")).toContainText("+¥");
  await expect(page.getByTestId("reasons")).toContainText("医疗救助比例 70% → 75%");
  await expect(page.getByTestId("tier-table")).toContainText("救助资金支出（医疗救助＋倾斜救助）");
  await expect(page.getByTestId("category-table")).toContainText("低保对象");
  await expect(page.getByTestId("township-table")).toContainText("镇");
  await expect(page.getByTestId("largest-table")).toContainText("*");
  await shot(page, "simulation");

  await page.getByTestId("largest-table").getByRole("link", { name: "查看" }).first().click();
  await expect(page.getByTestId("detail-claim").first()).toBeVisible();
  await expect(page.getByTestId("trace-current").first()).toContainText("70%");
  await expect(page.getByTestId("trace-draft").first()).toContainText("75%");
  await expect(page.getByTestId("detail-reasons").first()).toContainText("医疗救助比例 70% → 75%");
  await shot(page, "simulation-person");
  await page.getByRole("link", { name: "返回测算结果" }).click();
  await expect(result).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByTestId("export-link").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^政策测算_longhui-2027_第1版_\d{4}-\d{2}-\d{2}至\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await file.path())!);
  expect(book.worksheets.map((w) => w.name)).toEqual(["汇总", "按类别", "按乡镇", "变化最大", "变化原因"]);
  const fund = (book.worksheets[0]!.getSheetValues() as unknown[][]).find((r) => String(r?.[1] ?? "").startsWith("医疗救助资金支出"))!;
  expect(Number(fund[4])).toBeGreaterThan(0);
  expect(String(book.worksheets[4]!.getRow(2).getCell(1).value)).toBe("医疗救助比例 70% → 75%");

  // Read-only: runs and detail audited, the export audited, no settlement written.
  const after = await counts();
  expect(after.settlements).toBe(before.settlements);
  expect(after.simulate).toBeGreaterThanOrEqual(before.simulate + 3); // the run, the detail, the run shown again
  expect(after.exports).toBe(before.exports + 1);
});

test("a period that ends before it starts is named under its field, nothing run", async ({ page }) => {
  await loginAs(page, "yibao.manager");
  await page.goto("/policies/longhui-2027/1/simulate?run=1&from=2026-05-01&to=2026-01-01");
  await expect(page.getByText("测算截止日期：不能早于起始日期")).toBeVisible();
  await expect(page.getByTestId("simulation-result")).toHaveCount(0);
});

test("a clerk, who may not edit policy, is refused the simulation", async ({ page }) => {
  await loginAs(page, "yibao.clerk");
  const response = await page.goto("/policies/longhui-2027/1/simulate?run=1");
  expect(response?.status()).toBe(403);
});
