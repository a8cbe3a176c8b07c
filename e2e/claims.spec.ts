import { expect, test, type Page } from "@playwright/test";
import iconv from "iconv-lite";
import { e2eSql } from "./helpers/db";
import { withE2eIds } from "./helpers/id-numbers";
import { loginAs } from "./helpers/login";

// The claims ledger on the demo county (policy: 隆回县's copy of 邵阳 003 —
// 大病保险 11000 / 60 %, 依申请救助 6000 per application / 50 % / 50000 a year).

const sql = e2eSql();
test.afterAll(async () => sql.end());

const HEADER = "结算流水号,身份证号,姓名,结算日期,就诊类型,医疗机构,医院等级,特殊疾病,按规定转诊,市域内,医疗总费用,政策范围内费用,基本医保支付,大病保险支付,依申请";
const csv = (lines: string[]) => iconv.encode([HEADER, ...lines].join("\r\n") + "\r\n", "gb18030");

type Person = { id: string; id_number: string; name: string };
type SealedPerson = { id: string; id_sealed: string; name: string };

/** With E2E_SHOTS=<folder>: a 1280-wide full-page screenshot, to look at the page as a user would. */
async function shot(page: Page, name: string) {
  const dir = process.env.E2E_SHOTS;
  if (!dir) return;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

async function upload(page: Page, name: string, body: Buffer) {
  await page.getByLabel(/结算记录文件/).setInputFiles({ name, mimeType: "text/csv", buffer: body });
  await page.getByRole("button", { name: "导入并结算" }).click();
}

// An on-application stay (依申请) of 50000 with 30000 paid by basic insurance:
// 大病保险 (20000 − 11000) × 60 % = 5400 (003 §三(六)); 依申请救助 (14600 − 6000) × 50 % = 4300 (003 §三(八)).
const stay = (id: string, p: Person, date: string) => `${id},${p.id_number},${p.name},${date},住院,隆回县人民医院,二级,否,是,是,53000,50000,30000,,是`;

test("a 医保 clerk imports a claims file, then sees the assistance and the limit left in the person's year view", async ({ page }) => {
  const [person] = withE2eIds(await sql<SealedPerson[]>`
    select p.id, p.id_sealed, p.name from people p
      join person_categories pc on pc.person_id = p.id and pc.category = 'monitored' and pc.to_date is null and pc.from_date <= '2026-10-15'
     where not exists (select 1 from claims c where c.person_id = p.id)
     order by p.id limit 1`);
  expect(person, "the demo rosters hold a 监测对象 without claims").toBeTruthy();
  const ref = `E2E-${Date.now()}`;
  await loginAs(page, "yibao.clerk");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "导入结算记录" }).click();
  await expect(page).toHaveURL(/\/claims\/import$/);

  // A bad row: the whole file is refused, the problem named by row and column, and the list can be downloaded.
  await upload(page, "bad.csv", csv([stay(`${ref}-X`, { ...person!, id_number: person!.id_number.slice(0, 17) + (person!.id_number[17] === "1" ? "2" : "1") }, "2026-10-15")]));
  const errors = page.getByTestId("import-errors");
  await expect(errors).toContainText("整个文件未导入");
  await expect(errors.locator("tbody tr").first()).toContainText("2身份证号校验码错误");
  const download = page.waitForEvent("download");
  await errors.getByRole("button", { name: "下载问题清单（Excel）" }).click();
  expect((await download).suggestedFilename()).toBe("结算记录问题清单.xlsx");
  expect((await sql`select 1 from claims where external_id like ${ref + "%"}`).length).toBe(0);

  const file = csv([stay(`${ref}-1`, person!, "2026-10-15")]);
  await upload(page, "2026-10.csv", file);
  await expect(page.getByTestId("import-result")).toContainText("新导入 1 条");
  await expect(page.getByTestId("recent-imports")).toContainText("2026-10.csv");
  // The same file again stores nothing.
  await upload(page, "2026-10.csv", file);
  await expect(page.getByTestId("import-result")).toContainText("新导入 0 条，1 条此前已导入");
  // The platform corrects the stay: 500 paid by commercial insurance, total cost 54000 (out of scope only, so the
  // tiers below stay). The row is a correction: the old claim superseded, the new one settled.
  const corrected = iconv.encode(
    [`${HEADER},医疗机构减免,商业补充保险赔付`, `${stay(`${ref}-1`, person!, "2026-10-15").replace(",53000,", ",54000,")},,500`].join("\r\n") + "\r\n",
    "gb18030",
  );
  await upload(page, "2026-10-更正.csv", corrected);
  await expect(page.getByTestId("import-result")).toContainText("更正 1 条");
  const fix = page.getByTestId("corrected-row");
  await expect(fix).toHaveCount(1);
  await expect(fix).toContainText(`${ref}-1`);
  await expect(fix).toContainText("医疗总费用 53000.00 → 54000.00");
  await expect(fix).toContainText("商业补充保险赔付 0.00 → 500.00");
  await shot(page, "claims-import-corrected");
  const versions = await sql<{ current: boolean }[]>`select superseded_at is null as current from claims where external_id = ${ref + "-1"} order by created_at`;
  expect(versions.map((v) => v.current)).toEqual([false, true]);

  await page.goto(`/people/${person!.id}`);
  await page.getByTestId("claims-section").getByRole("link", { name: "查看年度结算明细" }).click();
  await expect(page).toHaveURL(new RegExp(`/people/${person!.id}/claims\\?year=2026$`));
  const row = page.getByTestId("claim-row").filter({ hasText: "2026-10-15" });
  await expect(row.locator("tr").first()).toContainText("5400.00");
  await expect(row.locator("tr").first()).toContainText("4300.00");
  await expect(page.getByTestId("pool-row").filter({ hasText: "依申请救助年度限额" })).toContainText("45700.00");
  await expect(row.locator("tr").first()).toContainText("商保 500.00");
  await row.getByText(/计算过程/).click();
  await expect(row.getByTestId("claim-trace")).toContainText("依申请医疗救助");
  await expect(row.getByTestId("claim-trace")).toContainText("（14600.00 元 − 起付线 6000.00 元） × 50% = 4300.00 元");
  await shot(page, "claims-ledger");
});

test("a reviewer previews a re-settlement after a category correction and applies it with a reason", async ({ page: clerk, browser }) => {
  const [person] = withE2eIds(await sql<SealedPerson[]>`
    select p.id, p.id_sealed, p.name from people p
     where p.division_code like '430524%' and not exists (select 1 from person_categories pc where pc.person_id = p.id)
       and not exists (select 1 from claims c where c.person_id = p.id)
     order by p.id limit 1`);
  const ref = `E2E-RS-${Date.now()}`;
  await loginAs(clerk, "yibao.clerk");
  await clerk.goto("/claims/import");
  await upload(clerk, "ordinary.csv", csv([stay(ref, person!, "2026-10-20")]));
  await expect(clerk.getByTestId("import-result")).toContainText("新导入 1 条");

  // 民政 certifies the person as 因病致贫重病患者 from October, after the claim was settled as 普通参保人员.
  await sql`insert into person_categories (person_id, category, from_date, source) values (${person!.id}, 'illness_poverty', '2026-10-01', 'e2e correction')`;
  const page = await (await browser.newContext()).newPage();
  await loginAs(page, "yibao.reviewer");
  await page.goto(`/people/${person!.id}/claims?year=2026`);
  await page.getByRole("link", { name: "重新结算本年" }).click();
  await expect(page.getByTestId("resettle-scope")).toContainText(person!.name);
  const changes = page.getByTestId("change-row");
  await expect(changes).toHaveCount(1);
  await expect(changes.first()).toContainText(ref);
  await expect(changes.first()).toContainText("普通参保人员 → 因病致贫重病患者");
  await expect(changes.first()).toContainText("0.00 → 4300.00");
  const before = await sql`select s.id from claim_settlements s join claims c on c.id = s.claim_id where c.external_id = ${ref}`;
  expect(before.length).toBe(1); // the preview changed nothing

  await page.getByRole("button", { name: "确认重新结算" }).click();
  await expect(page.getByText("请填写重新结算的原因")).toBeVisible();
  await page.getByLabel(/重新结算原因/).fill("因病致贫认定自2026年10月起");
  await page.getByRole("button", { name: "确认重新结算" }).click();
  await expect(page.getByTestId("applied")).toContainText("已重新结算 1 条记录");
  await expect(page.getByTestId("no-changes")).toBeVisible();

  const rows = await sql<{ superseded: boolean; assistance: string; reason: string | null }[]>`
    select s.superseded_at is not null as superseded, s.assistance::text, s.reason from claim_settlements s join claims c on c.id = s.claim_id
     where c.external_id = ${ref} order by s.id`;
  expect(rows).toEqual([
    { superseded: true, assistance: "0.00", reason: null },
    { superseded: false, assistance: "4300.00", reason: "因病致贫认定自2026年10月起" },
  ]);
  const [audit] = await sql<{ username: string; detail: { reason: string; changed: number } }[]>`
    select username, detail from audit_log where action = 'claims.resettle' and object_id = ${person!.id} order by id desc limit 1`;
  expect(audit).toMatchObject({ username: "yibao.reviewer", detail: { reason: "因病致贫认定自2026年10月起", changed: 1 } });
  await page.context().close();
});
