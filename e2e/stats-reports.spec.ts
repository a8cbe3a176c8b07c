import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { loginAs } from "./helpers/login";

// 统计报表 (issue 12): yibao.manager opens the quarterly report from the
// dashboard; its 合计 of assisted people is the dashboard's figure for the
// same quarter; the .xlsx has the same rows with the issuing office, the
// preparer and the exporter's footer; the A4 print page prints (page.pdf,
// pdftotext) with its header, page number and signature lines. A township
// clerk asking for another township's report gets 403 with none of it.
const NAV_WAIT = { timeout: 20_000 };
const XIAOSHAJIANG = "430524101000";
const OUT = join("test-results", "reports");

test.describe("statistics reports", () => {
  test("yibao.manager: the quarterly report matches the dashboard, exports and prints", async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    await loginAs(page, "yibao.manager");
    await page.goto("/stats");
    await expect(page.getByRole("heading", { name: "统计分析 · 隆回县" })).toBeVisible(NAV_WAIT);
    await page.getByTestId("reports-link").click();
    await expect(page.getByRole("heading", { name: "统计报表" })).toBeVisible(NAV_WAIT);
    // The quarter before the default one: a closed quarter, chosen in its own form.
    const select = page.locator("#period-quarterly");
    const quarter = (await select.locator("option").nth(1).getAttribute("value"))!;
    await select.selectOption(quarter);
    await page.getByTestId("open-quarterly").click();
    await expect(page).toHaveURL(new RegExp(`period=${quarter}`), NAV_WAIT);
    await expect(page.getByTestId("report-title")).toHaveText("医保扶贫政策落实和资金使用情况（季报）");
    await expect(page.getByTestId("report")).toContainText("隆回县医疗保障局");
    await expect(page.getByTestId("report")).toContainText("填报人：");
    const total = page.getByTestId("report-table-coverage").locator("tbody tr").last();
    await expect(total.locator("td").first()).toHaveText("合计");
    const assisted = (await total.locator('td[data-key="assisted"]').textContent())!.trim();
    const rate = (await total.locator('td[data-key="rate"]').textContent())!.trim();
    expect(assisted).toMatch(/^[1-9][\d,]*$/);
    if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/reports-quarterly.png`, fullPage: true });

    // The dashboard for the same quarter shows the same figure.
    const reportUrl = page.url();
    await page.goto(`/stats?period=${quarter}`);
    await expect(page.getByTestId("coverage-assisted")).toHaveText(`${assisted} 人`, NAV_WAIT);
    await expect(page.getByTestId("section-coverage")).toContainText(rate);
    await page.goto(reportUrl);

    // The .xlsx: a sheet per table, the same 合计 row, the header lines and the exporter's footer.
    const download = page.waitForEvent("download");
    await page.getByTestId("export-report").click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^医保扶贫政策落实和资金使用情况（季报）-隆回县-\d{4}年第\d季度\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await file.path());
    expect(wb.worksheets.map((s) => s.name)).toEqual(["1.参保和资助参保情况", "2.政策范围内费用各项支付比例", "3.资金使用情况", "4.办理时限落实情况"]);
    const sheet = wb.worksheets[0]!;
    const texts: string[] = [];
    let xlsxAssisted: unknown = null;
    sheet.eachRow((r) => {
      const v = r.values as unknown[];
      texts.push(String(v[1] ?? ""));
      if (v[1] === "合计") xlsxAssisted = v[2];
    });
    expect(xlsxAssisted).toBe(Number(assisted.replace(/,/g, "")));
    expect(texts.some((t) => t.includes("填报单位：隆回县医疗保障局") && t.includes("填报人："))).toBe(true);
    expect(texts.some((t) => t.startsWith("导出人："))).toBe(true);

    // The A4 page as PDF: header, the same figure, signature lines and the page number.
    await page.getByTestId("print-report").click();
    await expect(page.getByTestId("report-print")).toBeVisible(NAV_WAIT);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByTestId("print-button")).toBeHidden();
    mkdirSync(OUT, { recursive: true });
    const pdf = join(OUT, "quarterly.pdf");
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/[ \u3000]+/g, " ");
    expect(text).toContain("隆回县医疗保障局");
    expect(text).toContain("政策落实和资金使用情况");
    expect(text).toMatch(/合计 [\d,]+/);
    expect(text).toContain(`合计 ${assisted}`);
    expect(text).toContain("审核人");
    expect(text).toMatch(/第 1 页，共 \d+ 页/);
  });

  test("the annual summary prints on A4 with every table and the page numbers", async ({ page }) => {
    await loginAs(page, "yibao.manager");
    const res = await page.goto("/stats/reports/print?report=annual");
    expect(res?.status()).toBe(200);
    await expect(page.getByTestId("report-print")).toBeVisible(NAV_WAIT);
    await page.emulateMedia({ media: "print" });
    mkdirSync(OUT, { recursive: true });
    const pdf = join(OUT, "annual.pdf");
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/[ \u3000]+/g, " ");
    for (const title of ["医疗保障扶贫工作年度汇总", "三重制度待遇落实情况", "依申请救助和监测预警情况", "监测预警处置情况", "单位负责人"]) expect(text).toContain(title);
    const pages = Number(/共 (\d+) 页/.exec(text)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain(`第 ${pages} 页，共 ${pages} 页`);
  });

  test("taohong.clerk gets 403 for another township's report, and none of it", async ({ page }) => {
    await loginAs(page, "taohong.clerk");
    for (const path of [`/stats/reports?report=monthly&division=${XIAOSHAJIANG}`, `/stats/reports/export?report=monthly&division=${XIAOSHAJIANG}`]) {
      const r = await page.request.get(path);
      expect(r.status(), path).toBe(403);
      expect(await r.text()).not.toContain("小沙江镇");
    }
    const own = await page.goto("/stats/reports?report=monthly");
    expect(own?.status()).toBe(200);
    await expect(page.getByTestId("report")).toContainText("桃洪镇人民政府");
    if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/reports-monthly-township.png`, fullPage: true });
  });
});
