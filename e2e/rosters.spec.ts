import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { readFile } from "node:fs/promises";
import { checkChar } from "@/lib/id-number/id-number";
import { e2eSql } from "./helpers/db";
import { e2eIdHash } from "./helpers/id-numbers";
import { loginAs } from "./helpers/login";

// Issue 4's end-to-end story, on the demo county (its December lists are
// partly in): the 民政 clerk sends December's list with two bad rows, sees
// both problems, downloads the problem list, fixes the file and sends it
// again; 乡村振兴 sends the same person as 返贫致贫人口; the 医保 clerk
// consolidates December and finds the person as 低保对象 (dibao ranks above
// returned_poverty), with the reason, on the person's page.

const sql = e2eSql();
test.afterAll(async () => sql.end());

// IDs from 邵阳县 (430525): never one of the demo residents (all 430524).
const id = (first17: string) => first17 + checkChar(first17);
const BOTH = id("43052519620315281"); // on both lists
const OTHER = id("43052519710802362");
const valid = id("43052519800101123");
const BAD_CHECK = valid.slice(0, 17) + (valid[17] === "0" ? "1" : "0");

const HEADER = ["身份证号", "姓名", "类别", "变动", "区划代码", "认定日期", "备注"];
const GOOD_ROWS = [
  [BOTH, "陈桂兰", "低保对象", "新增", "430524100201", "2026-11-10", ""],
  [OTHER, "刘建华", "特困人员", "新增", "430524100202", "2026-11-12", "农村五保"],
];
const gb18030Csv = (rows: string[][]) => iconv.encode([HEADER, ...rows].map((r) => r.join(",")).join("\r\n") + "\r\n", "gb18030");

async function xlsx(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("名单");
  for (const r of [HEADER, ...rows]) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function upload(page: Page, name: string, buffer: Buffer, mimeType: string) {
  await page.getByLabel("名单月份").fill("2026-12");
  await page.getByLabel(/名单文件/).setInputFiles({ name, mimeType, buffer });
  await page.getByRole("button", { name: "上传并校验" }).click();
}

const submissions = async () => (await sql<{ n: number }[]>`select count(*)::int as n from roster_submissions`)[0]!.n;

test.describe.serial("December's lists, from upload to consolidation", () => {
  test("民政 sends a list with two bad rows, sees both, downloads them, fixes the file and sends it again", async ({ page }) => {
    const before = await submissions();
    await loginAs(page, "minzheng.clerk");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "名单报送" }).click();
    await expect(page.getByRole("heading", { name: "名单报送 · 民政局" })).toBeVisible();

    const bad = [
      ...GOOD_ROWS,
      [BAD_CHECK, "王小明", "低保对象", "新增", "430524100203", "2026-11-12", ""],
      [id("43052519900606451"), "赵春梅", "返贫致贫人口", "新增", "430524100204", "2026-11-12", ""],
    ];
    await upload(page, "民政2026年12月.csv", gb18030Csv(bad), "text/csv");
    const rejected = page.getByTestId("upload-rejected");
    await expect(rejected).toContainText("名单中有 2 处问题，整份名单未入库");
    const rows = page.getByTestId("upload-errors").locator("tbody tr");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText("4身份证号校验码错误");
    await expect(rows.nth(1)).toContainText("5类别");
    await expect(rows.nth(1)).toContainText("不属于民政局报送范围");
    expect(await submissions()).toBe(before);
    expect(await sql`select 1 from people where id_hash = ${e2eIdHash(BOTH)}`).toHaveLength(0);

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "下载问题清单（Excel）" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("民政2026年12月-问题清单.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await file.path())!)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect([1, 2, 3].map((r) => (sheet.getRow(r).values as unknown[]).slice(1, 3))).toEqual([["行号", "列"], [4, "身份证号"], [5, "类别"]]);
    expect(sheet.getCell("C2").value).toBe("校验码错误");

    await upload(page, "民政2026年12月（更正）.csv", gb18030Csv(GOOD_ROWS), "text/csv");
    await expect(page.getByTestId("upload-result")).toContainText("2026-12 名单已入库：共 2 行，新增 2，减少 0");
    // The sidebar's 最近报送 shows the new list without reloading the page.
    await expect(page.getByTestId("recent-submissions").locator("li").first()).toContainText("民政2026年12月（更正）.csv · 2 行（新增 2，减少 0）");
    expect(await submissions()).toBe(before + 1);

    // The same file again stores nothing new.
    await upload(page, "民政2026年12月（更正）.csv", gb18030Csv(GOOD_ROWS), "text/csv");
    await expect(page.getByTestId("upload-result")).toContainText("该文件此前已报送过");
    expect(await submissions()).toBe(before + 1);

    // Over HTTP, another department's list is refused with a message and nothing stored.
    const refused = await page.request.post("/api/v1/rosters/import", {
      multipart: { department: "veterans", month: "2026-12", file: { name: "x.csv", mimeType: "text/csv", buffer: gb18030Csv(GOOD_ROWS) } },
    });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error).toContain("只能报送本部门（民政局）的名单");
    expect(await submissions()).toBe(before + 1);
  });

  test("乡村振兴 sends the same person; the 医保 clerk consolidates December and finds 低保对象 chosen over 返贫致贫人口", async ({ page }) => {
    await loginAs(page, "xiangcun.clerk");
    await page.goto("/rosters/upload");
    await upload(page, "乡村振兴2026年12月补报.xlsx", await xlsx([[BOTH, "陈桂兰", "返贫致贫人口", "新增", "430524100201", "2026-10-20", ""]]), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    await expect(page.getByTestId("upload-result")).toContainText("2026-12 名单已入库：共 1 行，新增 1");

    await loginAs(page, "yibao.clerk");
    const api = await page.request.post("/api/v1/rosters/consolidate", { data: { month: "2026-13" } });
    expect(api.status()).toBe(400);
    expect(await api.json()).toMatchObject({ field: "month" });

    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "汇总比对" }).click();
    await page.getByLabel("名单月份").fill("2026-12");
    await page.getByRole("button", { name: "汇总比对" }).click();
    await expect(page).toHaveURL(/\/rosters\/consolidate\/2026-12\?ran=1/);
    await expect(page.getByTestId("consolidation-result")).toContainText("汇总比对完成");
    await expect(page.getByTestId("by-category")).toContainText("低保对象");

    await page.getByRole("navigation", { name: "名单" }).getByRole("link", { name: /多重身份/ }).click();
    // The list is ordered by village code; ours (430524100201) is on the first page.
    const row = page.getByTestId("list-conflicts").locator("tr", { hasText: "陈桂兰" });
    await expect(row).toContainText("430525********");
    await expect(row).toContainText("民政局：低保对象（认定 2026-11-10）");
    await expect(row).toContainText("乡村振兴局：返贫致贫人口（认定 2026-10-20）");
    await expect(row).toContainText("待遇就高不重复：低保对象 优先于 返贫致贫人口");

    await row.getByRole("link", { name: "陈桂兰" }).click();
    await expect(page.getByRole("heading", { name: "陈桂兰" })).toBeVisible();
    const history = page.getByTestId("category-history");
    await expect(history.locator("tbody tr")).toHaveCount(1);
    await expect(history.locator("tbody tr").first()).toContainText("低保对象2026-12-01至今民政局 2026-12 名单");
    await expect(page.getByTestId("roll-entries")).toContainText("乡村振兴局");
    await page.getByLabel("查询日期").fill("2026-12-15");
    await page.getByRole("button", { name: "查询当日类别" }).click();
    await expect(page.getByTestId("category-on-date")).toContainText("2026-12-15 的救助类别：低保对象");
  });
});

test("the board shows December's lists: 民政 and 乡村振兴 in, 退役军人 and 残联 outstanding", async ({ page }) => {
  await loginAs(page, "yibao.clerk");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "报送情况" }).click();
  const december = page.getByTestId("roster-board").locator('tr[data-month="2026-12"]');
  await expect(december).toContainText("2026-12-07");
  await expect(december.locator('[data-department="civil_affairs"] [data-status]')).toHaveAttribute("data-status", "on_time");
  await expect(december.locator('[data-department="veterans"] [data-status]')).toHaveAttribute("data-status", /pending|missing/);
  const october = page.getByTestId("roster-board").locator('tr[data-month="2026-10"]');
  await expect(october.locator('[data-department="veterans"] [data-status]')).toHaveAttribute("data-status", "late");
  await expect(october).toContainText("5日为国庆节，顺延");
  await expect(page.getByTestId("submission-history")).toContainText("民政局2026年12月名单.csv");
});
