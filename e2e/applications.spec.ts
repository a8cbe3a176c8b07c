import { expect, test, type Page } from "@playwright/test";
import { e2eSql } from "./helpers/db";
import { withE2eIds } from "./helpers/id-numbers";
import { loginAs } from "./helpers/login";

// 依申请救助 at the township counter: intake with a document missing (容缺受理)
// → the case page lists it → household survey → forward to the county; the
// workbench and the queue; and a township clerk opening another township's
// case (from the demo seed) gets 403 with nothing changed.

const sql = e2eSql();
test.afterAll(async () => sql.end());

const shots = process.env.E2E_SHOTS;
async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

// Accepted three calendar days ago: forwarding on the acceptance day needs 特事特办.
const daysAgo = (n: number) => new Date(Date.now() + 8 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10);

test("township clerk: intake with a missing document (容缺受理), survey, forward", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  // A person of 桃洪镇 with no open case, found by the full ID number.
  const [person] = withE2eIds(
    await sql<{ id: string; name: string; id_sealed: string }[]>`
      select p.id, p.name, p.id_sealed from people p
      where p.division_code like '430524100%' and not exists (select 1 from applications a where a.person_id = p.id)
      order by p.id limit 1`,
  );
  await loginAs(page, "taohong.clerk");
  await expect(page.getByTestId("my-queue")).toContainText(/待我处理 \d+ 件，其中超期 \d+ 件，加急 \d+ 件/);
  await shot(page, "workbench-township");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "依申请救助" }).click();
  await expect(page.getByTestId("queue-table")).toBeVisible();
  await shot(page, "queue-township");
  await page.getByRole("link", { name: "受理新申请" }).click();
  // By name: the list of matches, the name never in the URL (a sealed token).
  await page.getByLabel("按姓名查找").fill(person!.name);
  await page.getByTestId("applicant-name-search").getByRole("button", { name: "查找" }).click();
  await expect(page.getByTestId("applicant-matches")).toContainText(person!.name);
  expect(decodeURIComponent(page.url())).not.toContain(person!.name);
  await shot(page, "intake-search");
  await page.getByLabel("按身份证号查找").fill(person!.id_number);
  await page.getByTestId("applicant-id-search").getByRole("button", { name: "查找" }).click();
  await expect(page.getByTestId("applicant")).toContainText(person!.name);
  expect(page.url()).not.toContain(person!.id_number);

  await page.getByLabel("受理日期").fill(daysAgo(3));
  await page.getByLabel("申请方式").selectOption("family");
  await page.getByLabel("代办人姓名").fill("李春花");
  await page.getByLabel("与申请人关系").fill("配偶");
  await page.getByLabel("联系电话").fill("13812345678");
  await page.getByLabel("诊断摘要").fill("急性心肌梗死，县人民医院住院介入治疗");
  await page.getByLabel("户名").fill(person!.name);
  await page.getByLabel("开户行").fill("中国农业银行隆回县支行");
  await page.getByLabel("账号").fill("6222021234567890123");
  await page.getByLabel("病史证明的提供情况").selectOption("missing");
  await expect(page.getByLabel("病史证明的补交期限")).toBeVisible();
  // A bad phone is refused with its message; the form keeps what was typed.
  await page.getByLabel("联系电话").fill("12345");
  await page.getByRole("button", { name: "受理申请" }).click();
  await expect(page.getByText(/联系电话应为 11 位手机号/).first()).toBeVisible();
  await expect(page.getByLabel("诊断摘要")).toHaveValue("急性心肌梗死，县人民医院住院介入治疗");
  expect(Number((await sql`select count(*)::int as n from applications where person_id = ${person!.id}`)[0]!.n)).toBe(0);
  await page.getByLabel("联系电话").fill("13812345678");
  await shot(page, "intake-form");
  await page.getByRole("button", { name: "受理申请" }).click();

  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop()!;
  await expect(page.getByTestId("case-state")).toHaveText("已受理");
  await expect(page.getByTestId("case-missing")).toContainText("尚缺 病史证明");
  await expect(page.getByTestId("case-documents").locator('tr[data-item="history"]')).toContainText("缺件待补");
  await expect(page.getByTestId("case-facts")).toContainText("6222 **** **** 0123");
  await expect(page.getByTestId("case-facts")).not.toContainText("6222021234567890123");
  await expect(page.getByTestId("case-clock")).toContainText(/乡镇审核还剩 \d+ 个工作日/);
  await expect(page.getByTestId("case-clock")).toContainText("退回补正期间");
  await shot(page, "case-accepted");

  await page.getByTestId("begin-review-form").getByRole("button", { name: "开始乡镇审核" }).click();
  await expect(page.getByTestId("case-state")).toHaveText("乡镇审核中");
  // Forwarding before the survey is refused by the state machine.
  page.once("dialog", (d) => d.accept());
  await page.getByTestId("forward-form").getByRole("button", { name: "报送县级医保部门" }).click();
  await expect(page.getByTestId("forward-form").getByRole("alert")).toContainText("尚未登记入户调查记录");
  await page.getByLabel("调查人员").fill("罗春兰、村干部张明");
  await page.getByLabel("调查情况").fill("病情和住院情况属实");
  await page.getByLabel("家庭经济状况").fill("家庭四口人，主要劳动力住院，年收入约 1.2 万元");
  await page.getByRole("button", { name: "保存入户调查记录" }).click();
  await expect(page.getByTestId("case-survey")).toContainText("罗春兰、村干部张明");
  page.once("dialog", (d) => d.accept());
  await page.getByTestId("forward-form").getByRole("button", { name: "报送县级医保部门" }).click();
  await expect(page.getByTestId("case-state")).toHaveText("已报县级");
  await expect(page.getByTestId("case-clock")).toContainText(/县级审核还剩 \d+ 个工作日/);
  await expect(page.getByTestId("case-history")).toContainText("报送县级");
  // The township's steps are gone: the case is with the county now.
  for (const form of ["begin-review-form", "survey-form", "forward-form", "return-form", "refuse-form"]) await expect(page.getByTestId(form)).toHaveCount(0);
  await shot(page, "case-forwarded");
  const [row] = await sql<{ state: string; version: number }[]>`select state, version from applications where id = ${id}`;
  expect(row).toMatchObject({ state: "forwarded", version: 4 });

  // The county reviewer finds it in the county queue.
  await loginAs(page, "yibao.reviewer");
  await expect(page.getByTestId("my-queue")).toContainText("待我处理");
  await page.goto("/applications");
  await expect(page.getByTestId("queue-table").locator(`a[href="/applications/${id}"]`)).toBeVisible();
  await shot(page, "queue-county");
});

test("a township clerk opening another township's case gets 403, audited, and nothing changes", async ({ page }) => {
  const [foreign] = await sql<{ id: string; version: number; state: string }[]>`
    select id, version, state from applications where township_code = '430524101000' order by case_no limit 1`;
  expect(foreign, "the demo seed has 小沙江镇 cases").toBeTruthy();
  const refusals = async () => Number((await sql`select count(*)::int as n from audit_log where outcome = 'refused' and object_id = ${foreign!.id} and username = 'taohong.clerk'`)[0]!.n);
  const before = await refusals();
  await loginAs(page, "taohong.clerk");
  const response = await page.goto(`/applications/${foreign!.id}`);
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("forbidden")).toBeVisible();
  await expect(page.getByTestId("case-state")).toHaveCount(0);
  expect((await page.goto("/applications?township=430524101000"))?.status()).toBe(403);
  expect(await refusals()).toBe(before + 1);
  const [after] = await sql<{ version: number; state: string }[]>`select version, state from applications where id = ${foreign!.id}`;
  expect(after).toEqual({ version: foreign!.version, state: foreign!.state });
  // Their own queue holds only 桃洪镇 cases.
  await page.goto("/applications?state=all");
  const places = await page.getByTestId("queue-table").locator("tbody tr td:nth-child(3)").allTextContents();
  expect(places.length).toBeGreaterThan(0);
  expect(places.filter((p) => !p.startsWith("桃洪镇"))).toEqual([]);
  // A case returned for documents says its clock is paused, with the days left.
  const [returned] = await sql<{ id: string }[]>`select id from applications where township_code = '430524100000' and state = 'returned' order by case_no limit 1`;
  if (returned) {
    await page.goto(`/applications/${returned.id}`);
    await expect(page.getByTestId("case-clock")).toContainText(/退回补正中，乡镇审核时限暂停：已用 \d+ 个工作日，恢复审核后还有 \d+ 个工作日/);
    await shot(page, "case-returned");
  }
  // A bad id is 404.
  expect((await page.goto("/applications/not-a-case"))?.status()).toBe(404);
});

test("three users through the whole flow: township clerk → county reviewer → payment clerk, to a paid batch", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const today = daysAgo(0);
  // A person of a category the demo policy's on-application rule covers, in a township with a clerk, with no case yet.
  const [person] = withE2eIds(
    await sql<{ id: string; name: string; id_sealed: string; township: string }[]>`
      select p.id, p.name, p.id_sealed, substr(p.division_code, 1, 9) as township from people p
      join person_categories c on c.person_id = p.id and c.from_date <= ${today}::date and (c.to_date is null or c.to_date >= ${today}::date)
      where substr(p.division_code, 1, 9) in ('430524100', '430524101', '430524102', '430524103') and c.category in ('monitored', 'unstable_exit', 'edge_poverty', 'sudden_hardship', 'illness_poverty')
        and not exists (select 1 from applications a where a.person_id = p.id)
      order by p.id desc
      limit 1`,
  );
  expect(person, "the demo seed has an eligible person without a case").toBeTruthy();
  const clerk = ({ "430524100": "taohong.clerk", "430524101": "xiaoshajiang.clerk", "430524102": "jinshiqiao.clerk", "430524103": "simenqian.clerk" } as Record<string, string>)[person!.township]!;

  // 1. The township clerk: intake with every document, an out-of-county receipt, survey, forward.
  await loginAs(page, clerk);
  await page.goto("/applications/new");
  await page.getByLabel("按身份证号查找").fill(person!.id_number);
  await page.getByTestId("applicant-id-search").getByRole("button", { name: "查找" }).click();
  await expect(page.getByTestId("applicant")).toContainText(person!.name);
  await page.getByLabel("受理日期").fill(daysAgo(2));
  await page.getByLabel("联系电话").fill("0739-6821234");
  await page.getByLabel("诊断摘要").fill("肺癌，省外医院手术治疗");
  await page.getByLabel("户名").fill(person!.name);
  await page.getByLabel("开户行").fill("隆回县农村商业银行");
  await page.getByLabel("账号").fill("6230 9012 3456 7890 12");
  await page.getByRole("button", { name: "受理申请" }).click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop()!;
  const [{ case_no: caseNo }] = await sql<[{ case_no: string }]>`select case_no from applications where id = ${id}`;
  await expect(page.getByTestId("case-missing")).toHaveCount(0);
  await page.getByTestId("begin-review-form").getByRole("button", { name: "开始乡镇审核" }).click();
  await expect(page.getByTestId("case-state")).toHaveText("乡镇审核中");
  await page.getByText("录入一张结算单据").click();
  const receipt = page.getByTestId("receipt-form");
  await receipt.getByLabel("结算日期").fill(daysAgo(20));
  await receipt.getByLabel("医疗机构", { exact: true }).fill("中山大学肿瘤防治中心");
  await receipt.getByLabel("医疗总费用（元）").fill("80000");
  await receipt.getByLabel("政策范围内费用（元）").fill("70000");
  await receipt.getByLabel("基本医保支付（元）").fill("30000");
  await receipt.getByRole("button", { name: "录入单据" }).click();
  await expect(page.getByTestId("receipt-list")).toContainText("中山大学肿瘤防治中心");
  await page.getByLabel("调查人员").fill("村干部张明");
  await page.getByLabel("调查情况").fill("手术及费用情况属实");
  await page.getByLabel("家庭经济状况").fill("家庭两口人，无固定收入");
  await page.getByRole("button", { name: "保存入户调查记录" }).click();
  await expect(page.getByTestId("case-survey")).toContainText("村干部张明");
  page.once("dialog", (d) => d.accept());
  await page.getByTestId("forward-form").getByRole("button", { name: "报送县级医保部门" }).click();
  await expect(page.getByTestId("case-state")).toHaveText("已报县级");

  // 2. The county reviewer: from the queue, take it up and approve the computed amount.
  await loginAs(page, "yibao.reviewer");
  await page.goto("/applications");
  await page.getByTestId("queue-table").locator(`a[href="/applications/${id}"]`).click();
  await page.getByTestId("begin-audit-form").getByRole("button", { name: "开始县级审核" }).click();
  await expect(page.getByTestId("case-state")).toHaveText("县级审核中");
  const computed = (await page.getByTestId("audit-panel").getByTestId("audit-computed").textContent())!.trim();
  expect(computed).toMatch(/^\d+\.\d{2}$/);
  expect(Number(computed)).toBeGreaterThan(0);
  page.once("dialog", (d) => d.accept());
  await page.getByTestId("audit-panel").getByTestId("approve-form").getByRole("button", { name: /审核通过/ }).click();
  await expect(page.getByTestId("case-state")).toHaveText("已审批待支付");
  await expect(page.getByTestId("case-clock")).toContainText(/资金支付还剩 \d+ 个工作日/);

  // 3. The payment clerk: a batch of this case alone, the bank file, confirmed paid.
  await loginAs(page, "yibao.clerk");
  await expect(page.getByTestId("my-queue")).toContainText("医保支付经办员");
  await page.goto("/applications");
  await expect(page.getByTestId("queue-table").locator(`a[href="/applications/${id}"]`)).toBeVisible();
  await shot(page, "queue-payment");
  await page.goto("/applications/batches/new");
  await page.getByLabel("全选").uncheck();
  await page.getByLabel(`选择 ${caseNo}`).check();
  await expect(page.getByTestId("batch-total")).toContainText("已选 1 笔");
  await page.getByRole("button", { name: "编制支付批次" }).click();
  await expect(page).toHaveURL(/\/applications\/batches\/\d+$/);
  await expect(page.getByTestId("batch-line")).toHaveCount(1);
  const download = page.waitForEvent("download");
  await page.getByTestId("export-link").click();
  await download;
  await page.reload();
  await page.getByLabel("银行回单流水号").fill("NSYH-E2E-3USERS");
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "确认支付" }).click();
  // The whole batch is settled: the page comes back without the confirmation form.
  await expect(page.locator('[data-testid="batch-line"][data-status="paid"]')).toHaveCount(1);
  await expect(page.getByText("本批次已全部确认")).toBeVisible();

  await page.goto(`/applications/${id}`);
  await expect(page.getByTestId("case-state")).toHaveText("已支付");
  await expect(page.getByTestId("case-clock")).toHaveCount(0);
  await shot(page, "case-paid");
  const [row] = await sql<{ state: string; paid_amount: string; approved_amount: string; actors: string }[]>`
    select a.state, a.paid_amount::text, a.approved_amount::text,
      (select string_agg(distinct u.username, ',' order by u.username) from application_transitions t join users u on u.id = t.actor_id where t.application_id = a.id) as actors
    from applications a where a.id = ${id}`;
  expect(row).toEqual({ state: "paid", paid_amount: computed, approved_amount: computed, actors: [clerk, "yibao.clerk", "yibao.reviewer"].sort().join(",") });
});
