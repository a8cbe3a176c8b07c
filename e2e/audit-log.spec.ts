import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { loginAs } from "./helpers/login";

// The audit page as people read it, and the security auditor's export of a
// period (.xlsx with the hash chain). tests/integration/audit-export.test.ts
// checks the file's links; this checks the page and the download end to end.

const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10); // Beijing
const shot = (name: string) => (process.env.E2E_SHOTS ? `${process.env.E2E_SHOTS}/${name}.png` : undefined);

test("the security auditor reads the log in Chinese, filters by an action's Chinese name and exports the period", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await loginAs(page, "shenji.auditor");
  await page.goto(`/audit?from=${today}&to=${today}`);
  const table = page.getByTestId("audit-table");
  await expect(table).toBeVisible();
  const path = shot("audit-auditor");
  if (path) await page.screenshot({ path, fullPage: false });

  // The auditor's own sign-in, in words: 登录, the browser and system instead of the raw header.
  await page.goto(`/audit?action=${encodeURIComponent("登录")}&username=shenji.auditor`);
  await expect(table).toContainText("登录");
  await expect(table).toContainText("Chrome");
  await expect(table).not.toContainText("Mozilla/5.0");

  await page.goto(`/audit?from=${today}&to=${today}`);
  const download = page.waitForEvent("download");
  await page.getByTestId("audit-export").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`审计日志-${today}至${today}.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await file.path());
  const header = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
  expect(header).toEqual(expect.arrayContaining(["操作", "链序号", "前一哈希", "本行摘要", "链哈希"]));

  // The export is itself in the log.
  await page.goto(`/audit?action=${encodeURIComponent("导出审计日志")}`);
  await expect(table).toContainText("导出审计日志（含哈希链）");
  await expect(table).toContainText(`自：${today}`);
});

test("the administrator reads the log but has no export", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await loginAs(page, "admin");
  await page.goto(`/audit?from=${today}&to=${today}`);
  await expect(page.getByTestId("audit-table")).toBeVisible();
  await expect(page.getByTestId("audit-export")).toHaveCount(0);
  const path = shot("audit-admin");
  if (path) await page.screenshot({ path, fullPage: false });
  const answer = await page.request.get(`/audit/export?from=${today}&to=${today}`);
  expect(answer.status()).toBe(403);
});
