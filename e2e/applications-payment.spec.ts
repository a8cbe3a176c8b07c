import { expect, test, type Page } from "@playwright/test";
import { e2eSql } from "./helpers/db";
import { loginAs } from "./helpers/login";

// Payment through the pages as the 医保 payment clerk: a new batch of approved
// cases, the bank's 代发 file downloaded, the batch confirmed paid with a
// date and reference. E2E_SHOTS=<dir> saves the screens.

const sql = e2eSql();
test.afterAll(async () => sql.end());

const shots = process.env.E2E_SHOTS;
async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

test("payment clerk: new batch → 代发 file → confirmed paid", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  // Approved cases to pay: the demo seed leaves none outside its own batches, so three cases of
  // 县级审核中 are put into 已审批待支付 here by SQL (amount, payment clock, version as approval sets them) —
  // the approval itself has its own spec (applications-audit.spec.ts).
  await sql`
    update applications set state = 'approved', computed_amount = 3200.50, approved_amount = 3200.50, approved_on = current_date,
      clock_step = 'payment', clock_started_on = current_date, clock_used_before = 0, clock_paused_on = null, due_on = current_date + 14, version = version + 1
    where id in (select id from applications where state = 'county_review' and bank_account_sealed is not null order by case_no limit 3)`;
  const [payable] = await sql<{ n: number }[]>`
    select count(*)::int as n from applications a where a.state = 'approved'
      and not exists (select 1 from payment_batch_lines l where l.application_id = a.id and l.status not in ('failed', 'removed'))`;
  expect(payable!.n, "the demo seed leaves approved cases to pay").toBeGreaterThan(0);

  await loginAs(page, "yibao.clerk");
  await page.goto("/applications/batches");
  await expect(page.getByRole("heading", { name: "支付批次" })).toBeVisible();
  await shot(page, "batches-list");
  await page.getByRole("link", { name: "编制新批次" }).click();
  await expect(page.getByTestId("payable-row")).toHaveCount(payable!.n);
  await expect(page.getByTestId("batch-total")).toContainText(`已选 ${payable!.n} 笔`);
  await shot(page, "batches-new");
  await page.getByRole("button", { name: "编制支付批次" }).click();
  await expect(page).toHaveURL(/\/applications\/batches\/\d+$/);
  await expect(page.getByTestId("batch-line")).toHaveCount(payable!.n);
  await shot(page, "batch-open");

  // 移出批次 while the batch is open: the reason, the browser's confirm, the case approved again.
  expect(payable!.n, "at least two lines, so one stays after the removal").toBeGreaterThan(1);
  const first = page.getByTestId("batch-line").first();
  const removedCaseNo = (await first.getByRole("link").innerText()).trim();
  await first.getByTestId("remove-line").click();
  await first.getByLabel(`${removedCaseNo} 的移出原因`).fill("核定金额待更正");
  let asked = "";
  page.once("dialog", (d) => {
    asked = d.message();
    void d.accept();
  });
  await first.getByRole("button", { name: "确认移出" }).click();
  // The line stays on the page, struck through with its reason, outside the count.
  const removedLine = page.locator('[data-testid="batch-line"][data-status="removed"]');
  await expect(removedLine).toHaveCount(1);
  await expect(page.locator('[data-testid="batch-line"][data-status="pending"]')).toHaveCount(payable!.n - 1);
  expect(asked).toContain(`确认将 ${removedCaseNo}`);
  await expect(page.getByTestId("line-removed")).toContainText(`已将 ${removedCaseNo} 移出本批次`);
  await expect(removedLine).toContainText(removedCaseNo);
  await expect(removedLine.getByTestId("removed-reason")).toContainText("移出原因：核定金额待更正");
  await expect(removedLine.locator("td").nth(3)).toHaveCSS("text-decoration-line", "line-through");
  const [line] = await sql<{ status: string; removed_reason: string }[]>`
    select l.status, l.removed_reason from payment_batch_lines l join applications a on a.id = l.application_id where a.case_no = ${removedCaseNo}`;
  expect(line).toEqual({ status: "removed", removed_reason: "核定金额待更正" });
  const [removed] = await sql<{ state: string }[]>`select state from applications where case_no = ${removedCaseNo}`;
  expect(removed!.state).toBe("approved");
  await shot(page, "batch-line-removed");

  const download = page.waitForEvent("download");
  await page.getByTestId("export-link").click();
  expect((await download).suggestedFilename()).toMatch(/^代发文件-ZF-430524-\d{4}-\d{4}\.xlsx$/);
  await page.reload();
  await expect(page.getByText("已发送银行")).toBeVisible();
  await page.getByLabel("银行回单流水号").fill("NYYH-E2E-0001");
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "确认支付" }).click();
  // The page re-renders with the batch confirmed (the form gives way to "本批次已全部确认").
  await expect(page.getByText("本批次已全部确认")).toBeVisible();
  await expect(page.locator('[data-testid="batch-line"][data-status="paid"]')).toHaveCount(payable!.n - 1);
  await shot(page, "batch-paid");

  // The case page: its payment line, and the full account shown only on request (audited).
  await page.locator('[data-testid="batch-line"][data-status="paid"]').first().getByRole("link").click();
  await expect(page.getByTestId("payment-lines")).toContainText("NYYH-E2E-0001");
  const before = await sql<{ n: number }[]>`select count(*)::int as n from audit_log where action = 'applications.reveal_contact'`;
  await page.getByRole("button", { name: "显示完整银行账号" }).click();
  await expect(page.getByTestId("reveal-bank")).toHaveText(/\d{4} \d{4} \d{4}/);
  const after = await sql<{ n: number }[]>`select count(*)::int as n from audit_log where action = 'applications.reveal_contact'`;
  expect(after[0]!.n).toBe(before[0]!.n + 1);
  await shot(page, "case-paid");
});

test("township clerk records how the applicant was told of a refusal", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const [refused] = await sql<{ id: string }[]>`select id from applications where state = 'refused' and township_code = '430524100000' order by case_no limit 1`;
  expect(refused, "the demo has a refused case in 桃洪镇").toBeTruthy();
  await loginAs(page, "taohong.clerk");
  await page.goto(`/applications/${refused!.id}`);
  const form = page.getByTestId("refusal-notice-form");
  await form.getByLabel("告知方式").selectOption("in_person");
  await form.getByRole("button", { name: "登记告知情况" }).click();
  await expect(page.getByTestId("notice-status")).toContainText("当面告知申请人");
  const [row] = await sql<{ notified_channel: string }[]>`select notified_channel from applications where id = ${refused!.id}`;
  expect(row!.notified_channel).toBe("in_person");
  await shot(page, "case-refused-notice");
});
