import { expect, test, type Page } from "@playwright/test";
import { e2eSql } from "./helpers/db";
import { withE2eIds } from "./helpers/id-numbers";
import { loginAs } from "./helpers/login";

// The county audit of an on-application case through the pages: the township
// clerk accepts it with 病史证明 missing (容缺受理), ticks the ledger's claims
// and enters an out-of-county receipt by hand, surveys and forwards; the
// county reviewer takes it up, sees the engine's amount with its trace and
// the year's pool, is refused while the document is missing, waives it with
// a reason and approves the computed amount.

const sql = e2eSql();
test.afterAll(async () => sql.end());

const shots = process.env.E2E_SHOTS;
async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}
const daysAgo = (n: number) => new Date(Date.now() + 8 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10);

test("township ticks claims and enters a receipt; the county reviewer sees the amount and approves it", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const today = daysAgo(0);
  // A person (preferably with claims this year) of a category the demo policy's on-application rule covers, with no case yet.
  const [person] = withE2eIds(
    await sql<{ id: string; name: string; id_sealed: string; township: string }[]>`
      select p.id, p.name, p.id_sealed, substr(p.division_code, 1, 9) as township from people p
      join person_categories c on c.person_id = p.id and c.from_date <= ${today}::date and (c.to_date is null or c.to_date >= ${today}::date)
      where substr(p.division_code, 1, 9) in ('430524100', '430524101', '430524102', '430524103') and c.category in ('monitored', 'unstable_exit', 'edge_poverty', 'sudden_hardship', 'illness_poverty')
        and not exists (select 1 from applications a where a.person_id = p.id)
      order by (select count(*) from claims k where k.person_id = p.id and extract(year from k.claim_date) = extract(year from ${today}::date)) desc, p.id
      limit 1`,
  );
  expect(person, "the demo seed has a monitored person in one of the townships with a clerk").toBeTruthy();
  const clerk = ({ "430524100": "taohong.clerk", "430524101": "xiaoshajiang.clerk", "430524102": "jinshiqiao.clerk", "430524103": "simenqian.clerk" } as Record<string, string>)[person!.township]!;

  await loginAs(page, clerk);
  await page.goto("/applications/new");
  await page.getByLabel("按身份证号查找").fill(person!.id_number);
  await page.getByTestId("applicant-id-search").getByRole("button", { name: "查找" }).click();
  await expect(page.getByTestId("applicant")).toContainText(person!.name);
  await page.getByLabel("受理日期").fill(daysAgo(3));
  await page.getByLabel("申请方式").selectOption("self");
  await page.getByLabel("联系电话").fill("13812345678");
  await page.getByLabel("诊断摘要").fill("脑梗死，市外三甲医院住院治疗");
  await page.getByLabel("户名").fill(person!.name);
  await page.getByLabel("开户行").fill("中国农业银行隆回县支行");
  await page.getByLabel("账号").fill("6222021234567890123");
  await page.getByLabel("病史证明的提供情况").selectOption("missing");
  await page.getByRole("button", { name: "受理申请" }).click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop()!;

  await page.getByTestId("begin-review-form").getByRole("button", { name: "开始乡镇审核" }).click();
  await expect(page.getByTestId("case-state")).toHaveText("乡镇审核中");
  // Tick every claim of the year the ledger holds for the person.
  const boxes = page.getByTestId("claims-form").locator('input[name="claimId"]');
  for (const box of await boxes.all()) await box.check();
  const ticked = await boxes.count();
  await page.getByTestId("claims-form").getByRole("button", { name: "保存勾选" }).click();
  await expect(page.getByTestId("claims-form").getByRole("status")).toContainText(`计入 ${ticked} 条`);
  expect(Number((await sql`select count(*)::int as n from application_claims where application_id = ${id}`)[0]!.n)).toBe(ticked);

  // A receipt by hand: a bad amount is refused naming the field, then a good one.
  await page.getByText("录入一张结算单据").click();
  const form = page.getByTestId("receipt-form");
  await form.getByLabel("结算日期").fill(daysAgo(20));
  await form.getByLabel("医疗机构", { exact: true }).fill("中南大学湘雅医院");
  await form.getByLabel("医疗总费用（元）").fill("一万二");
  await form.getByLabel("政策范围内费用（元）").fill("50000");
  await form.getByLabel("基本医保支付（元）").fill("25000");
  await form.getByLabel("医院等级").selectOption("二级");
  await form.getByLabel("医疗机构减免（元）").fill("300");
  await form.getByRole("button", { name: "录入单据" }).click();
  await expect(form.getByRole("alert")).toContainText("医疗总费用");
  await expect(form.getByLabel("医疗总费用（元）")).toHaveAttribute("aria-invalid", "true");
  // The refused submit keeps what was chosen (React resets a form after its action).
  await expect(form.getByLabel("医院等级")).toHaveValue("二级");
  await expect(form.getByLabel("医疗机构减免（元）")).toHaveValue("300");
  await form.getByLabel("医疗总费用（元）").fill("60000");
  await form.getByRole("button", { name: "录入单据" }).click();
  await expect(page.getByTestId("receipt-list")).toContainText("中南大学湘雅医院（市外）");
  await expect(page.getByTestId("receipt-list")).toContainText("医疗机构减免 300.00 元");
  await shot(page, "audit-township-claims");

  await page.getByLabel("调查人员").fill("乡镇经办员、村干部张明");
  await page.getByLabel("调查情况").fill("病情和住院情况属实");
  await page.getByLabel("家庭经济状况").fill("家庭三口人，年收入约 1 万元");
  await page.getByRole("button", { name: "保存入户调查记录" }).click();
  await expect(page.getByTestId("case-survey")).toContainText("村干部张明");
  page.once("dialog", (d) => d.accept());
  await page.getByTestId("forward-form").getByRole("button", { name: "报送县级医保部门" }).click();
  await expect(page.getByTestId("case-state")).toHaveText("已报县级");

  await loginAs(page, "yibao.reviewer");
  await page.goto(`/applications/${id}`);
  await page.getByTestId("begin-audit-form").getByRole("button", { name: "开始县级审核" }).click();
  await expect(page.getByTestId("case-state")).toHaveText("县级审核中");
  const panel = page.getByTestId("audit-panel");
  await expect(panel.getByTestId("audit-pool")).toContainText("剩余额度");
  await expect(panel.getByTestId("audit-trace")).toContainText("起付线");
  const computed = (await panel.getByTestId("audit-computed").textContent())!.trim();
  expect(computed).toMatch(/^\d+\.\d{2}$/);
  await shot(page, "audit-county-review");
  // The reviewer approves the computed amount only; the manager's form lets the amount be changed, with a reason.
  await expect(panel.getByTestId("approve-form").locator('input[name="amount"]')).toHaveCount(0);
  await loginAs(page, "yibao.manager");
  await page.goto(`/applications/${id}`);
  await expect(page.getByTestId("approve-form").getByLabel("核定救助金额（元）")).toHaveValue(computed);
  await shot(page, "audit-manager");
  await loginAs(page, "yibao.reviewer");
  await page.goto(`/applications/${id}`);

  // 容缺受理: refused while 病史证明 is missing, nothing changes.
  page.once("dialog", (d) => d.accept());
  await panel.getByTestId("approve-form").getByRole("button", { name: /审核通过/ }).click();
  await expect(panel.getByTestId("approve-form").getByRole("alert")).toContainText("病史证明");
  expect((await sql`select state from applications where id = ${id}`)[0]!.state).toBe("county_review");
  await page.getByTestId("waive-history").getByLabel("免予提供的理由").fill("既往病史已在本年度诊断病历中载明");
  await page.getByTestId("waive-history").getByRole("button", { name: "免予提供" }).click();
  await expect(page.getByTestId("case-missing")).toHaveCount(0);
  if (computed !== "0.00") {
    page.once("dialog", (d) => d.accept());
    await page.getByTestId("audit-panel").getByTestId("approve-form").getByRole("button", { name: /审核通过/ }).click();
    await expect(page.getByTestId("case-state")).toHaveText("已审批待支付");
    const [row] = await sql<{ approved_amount: string; computed_amount: string }[]>`select approved_amount::text, computed_amount::text from applications where id = ${id}`;
    expect(row).toEqual({ approved_amount: computed, computed_amount: computed });
    await shot(page, "audit-approved");
  }
});
