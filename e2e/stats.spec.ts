import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { loginAs } from "./helpers/login";

// 统计分析 as managers use it (issue 12): the county manager drills from the
// county to a township and a village by clicking, and downloads a table as
// .xlsx whose figures are the page's; a township clerk asking for another
// township's figures gets the 403 page with none of them in the HTML; the
// 财政 viewer sees the fund sections first and no link into a list of people.
// A dashboard page reads five figures: after a click, its heading may take a
// few seconds on a loaded two-core machine (NAV_WAIT).
const NAV_WAIT = { timeout: 20_000 };

const COUNTY = "430524000000";
const TAOHONG = "430524100000";
const XIAOSHAJIANG = "430524101000";

const shots = process.env.E2E_SHOTS;
async function shot(page: Page, name: string) {
  if (!shots) return;
  await page.screenshot({ path: `${shots}/stats-${name}.png`, fullPage: true });
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: `${shots}/stats-${name}-print.png`, fullPage: true });
  await page.emulateMedia({ media: "screen" });
}

/** The cells of a dashboard table's row, by column key (the text as printed). */
async function rowCells(page: Page, table: string, division: string): Promise<Record<string, string>> {
  const row = page.getByTestId(`table-${table}`).locator(`tr[data-division="${division}"]`);
  const cells = row.locator("td");
  const out: Record<string, string> = {};
  for (let i = 0; i < (await cells.count()); i++) {
    const cell = cells.nth(i);
    // textContent: the table may be inside a closed <details>.
    out[(await cell.getAttribute("data-key"))!] = ((await cell.textContent()) ?? "").trim();
  }
  return out;
}

/** Opens a dashboard table's <details> (closed by default). */
async function openTable(page: Page, table: string) {
  const details = page.getByTestId(`table-${table}`);
  if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
  await expect(details).toHaveAttribute("open", "");
}

test.describe("statistics dashboard", () => {
  test("yibao.manager drills county → township → village and exports a table whose figures match the page", async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    await loginAs(page, "yibao.manager");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "统计分析" }).click();
    await expect(page.getByRole("heading", { name: "统计分析 · 隆回县" })).toBeVisible(NAV_WAIT);
    await expect(page.getByTestId("stats-breadcrumb")).toHaveText("隆回县");
    await expect(page.getByTestId("section-coverage")).toBeVisible();
    // Every section draws its figure (none says 尚未开放).
    await expect(page.getByTestId("payments-claims")).toHaveText(/^\d[\d,]*$/);
    await expect(page.getByTestId("applications-accepted")).toHaveText(/^\d[\d,]* 件$/);
    await expect(page.getByTestId("monitoring-raised")).toHaveText(/^\d[\d,]* 条$/);
    await expect(page.getByText("该项统计尚未开放")).toHaveCount(0);
    await shot(page, "county");

    // County → 桃洪镇 by the table row's link (the bar leads to the same ?division=).
    const countyRow = await rowCells(page, "coverage-divisions", TAOHONG);
    await openTable(page, "coverage-divisions");
    await page.getByTestId("table-coverage-divisions").getByRole("link", { name: "桃洪镇" }).click();
    await expect(page).toHaveURL(new RegExp(`division=${TAOHONG}`), NAV_WAIT);
    await expect(page.getByRole("heading", { name: "统计分析 · 桃洪镇" })).toBeVisible(NAV_WAIT);
    await expect(page.getByTestId("stats-breadcrumb")).toHaveText(/隆回县\s*›\s*桃洪镇/);
    // The township's own figure is its row in the county's table.
    await expect(page.getByTestId("coverage-assisted")).toHaveText(`${countyRow.assisted} 人`);
    await shot(page, "township");

    // The township's villages as .xlsx: the same rows as the page's table, the exporter's footer under them.
    const table = page.getByTestId("table-coverage-divisions");
    const firstVillage = (await table.locator("tr[data-division]").first().getAttribute("data-division"))!;
    const villageRow = await rowCells(page, "coverage-divisions", firstVillage);
    const download = page.waitForEvent("download");
    await page.getByTestId("export-coverage-divisions").click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^参保情况（按村（社区））-桃洪镇-2\d{3}年.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await file.path())!);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header.slice(0, 3)).toEqual(["村（社区）", "救助对象（人）", "已参保（人）"]);
    let found: unknown[] | undefined;
    sheet.eachRow((r) => {
      const v = (r.values as unknown[]).slice(1);
      if (v[0] === villageRow.name) found = v;
    });
    expect(found, `row ${villageRow.name} in the file`).toBeDefined();
    expect(Number(found![1]).toLocaleString("en-US")).toBe(villageRow.assisted);
    expect(Number(found![2]).toLocaleString("en-US")).toBe(villageRow.enrolled);
    const texts: string[] = [];
    sheet.eachRow((r) => texts.push(String((r.values as unknown[])[1] ?? "")));
    expect(texts.some((t) => t.startsWith("导出人：") && t.includes("yibao.manager"))).toBe(true);
    expect(texts.some((t) => t.includes("统计范围：桃洪镇"))).toBe(true);

    // Township → village, and the breadcrumb back up to the county.
    await openTable(page, "coverage-divisions");
    await table.locator(`tr[data-division="${firstVillage}"] a`).click();
    await expect(page).toHaveURL(new RegExp(`division=${firstVillage}`), NAV_WAIT);
    await expect(page.getByRole("heading", { name: `统计分析 · ${villageRow.name}` })).toBeVisible(NAV_WAIT);
    await expect(page.getByTestId("coverage-assisted")).toHaveText(`${villageRow.assisted} 人`);
    await expect(page.getByTestId("stats-breadcrumb")).toHaveText(new RegExp(`隆回县\\s*›\\s*桃洪镇\\s*›\\s*${villageRow.name}`));
    await shot(page, "village");
    await page.getByTestId("stats-breadcrumb").getByRole("link", { name: "隆回县" }).click();
    await expect(page.getByRole("heading", { name: "统计分析 · 隆回县" })).toBeVisible(NAV_WAIT);

    // The period selector: a quarter is kept while drilling down.
    await page.getByLabel("统计季度").selectOption({ index: 1 });
    await page.getByTestId("period-form").locator("form").nth(1).getByRole("button", { name: "查看" }).click();
    await expect(page).toHaveURL(/period=\d{4}-Q[1-4]/, NAV_WAIT);
    await expect(page.getByText(/统计期间：\d{4}年第[1-4]季度/)).toBeVisible();
    const href = await page.getByTestId("table-coverage-divisions").locator(`tr[data-division="${TAOHONG}"] a`).getAttribute("href");
    expect(href).toMatch(new RegExp(`division=${TAOHONG}.*period=\\d{4}-Q[1-4]`));

    // A bad period is refused in Chinese, naming the field; the page still answers.
    const bad = await page.goto("/stats?period=2026-13");
    expect(bad?.status()).toBe(200);
    await expect(page.getByTestId("period-error")).toContainText("统计期间");
  });

  test("taohong.clerk asking for another township's figures gets 403 and none of them", async ({ page }) => {
    await loginAs(page, "taohong.clerk");
    const own = await page.goto("/stats");
    expect(own?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "统计分析 · 桃洪镇" })).toBeVisible(NAV_WAIT);
    // Its own township's villages, never a sibling township.
    await expect(page.getByTestId("stats-breadcrumb")).toHaveText("桃洪镇");
    await expect(page.locator(`[data-division^="430524101"]`)).toHaveCount(0);
    await shot(page, "township-clerk");

    const response = await page.goto(`/stats?division=${XIAOSHAJIANG}`);
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("forbidden")).toBeVisible();
    const html = await page.content();
    expect(html).not.toContain("小沙江");
    expect(html).not.toContain("section-coverage");
    for (const path of [`/stats?division=${COUNTY}`, `/stats/export?table=coverage-divisions&division=${XIAOSHAJIANG}`]) {
      const r = await page.request.get(path);
      expect(r.status(), path).toBe(403);
      expect(await r.text()).not.toContain("小沙江镇");
    }
  });

  test("caizheng.viewer sees the fund sections first and no link into a list of people", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await loginAs(page, "caizheng.viewer");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "统计分析" }).click();
    await expect(page.getByRole("heading", { name: "统计分析 · 隆回县" })).toBeVisible(NAV_WAIT);
    const order = await page.locator("section[data-testid^=section-]").evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
    expect(order.slice(0, 2)).toEqual(["section-subsidy", "section-payments"]);
    await expect(page.getByTestId("unenrolled-link")).toHaveCount(0);
    const links = await page.locator("main a").evaluateAll((els) => els.map((e) => e.getAttribute("href") ?? ""));
    expect(links.filter((h) => /^\/(people|unenrolled|applications|monitoring|claims)/.test(h))).toEqual([]);
    await shot(page, "finance");
  });
});
