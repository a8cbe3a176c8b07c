import { expect, test, type Page } from "@playwright/test";
import { e2eSql } from "./helpers/db";
import { loginAs } from "./helpers/login";

// 追回 through the pages: a paid demo case whose grant the county revokes
// after an upheld notice objection gets a recovery record (amount, reason,
// the day paid) on its page; the payment clerk records 追回到账 with the date
// and reference. The objection itself has its own spec (notices.spec.ts): here
// the case is put into 公示异议复核 by SQL, as an upheld objection leaves it.
// E2E_SHOTS=<dir> saves the screens.

const sql = e2eSql();
test.afterAll(async () => sql.end());

const shots = process.env.E2E_SHOTS;
async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}
const todayInBeijing = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

test("撤销救助 of a paid case opens a recovery; the payment clerk records it received", async ({ page: reviewerPage, browser }) => {
  let page = reviewerPage;
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const pick = () => sql<{ id: string; paid_amount: string; paid_on: string }[]>`
    select id, paid_amount::text as paid_amount, paid_on::text as paid_on from applications
    where state = 'paid' and not exists (select 1 from application_recoveries r where r.application_id = applications.id)
      -- Not on a notice: the public-notices and notices specs read those as the demo left them.
      and not exists (select 1 from notice_rows n where n.application_id = applications.id)
    order by case_no limit 1`;
  let [paid] = await pick();
  if (!paid) {
    // Every demo paid case is on a notice; applications-payment.spec pays some when it runs first. Run alone, one
    // case under county audit is marked paid by SQL as approval and payment leave it (their own specs cover those steps).
    await sql`
      update applications set state = 'paid', computed_amount = 3200.50, approved_amount = 3200.50, paid_amount = 3200.50,
        approved_on = current_date, paid_on = current_date, clock_step = null, clock_started_on = null, clock_used_before = 0,
        clock_paused_on = null, due_on = null, version = version + 1
      where id = (select id from applications where state = 'county_review' and not exists (select 1 from notice_rows n where n.application_id = applications.id) order by case_no desc limit 1)`;
    [paid] = await pick();
  }
  expect(paid, "a paid case on no notice").toBeTruthy();
  await sql`update applications set state = 'objection_review', version = version + 1 where id = ${paid!.id}`;

  await loginAs(page, "yibao.reviewer");
  await page.goto(`/applications/${paid!.id}`);
  await expect(page.getByTestId("recovery")).toHaveCount(0);
  const revoke = page.getByTestId("revoke-objection-form");
  await revoke.getByLabel("撤销理由（书面告知申请人）").fill("经复核，该户已由商业保险全额报销，属重复救助");
  page.once("dialog", (d) => void d.accept());
  await revoke.getByRole("button", { name: "撤销救助" }).click();
  const recovery = page.getByTestId("recovery");
  await expect(recovery).toContainText(`应追回金额${Number(paid!.paid_amount).toFixed(2)} 元`);
  await expect(recovery).toContainText("经复核，该户已由商业保险全额报销，属重复救助");
  await expect(page.getByTestId("recovery-status")).toHaveText("待追回");
  // The reviewer does not record money received: that is the payment clerk's.
  await expect(page.getByTestId("recovery-form")).toHaveCount(0);

  // The payment clerk in a browser context of their own (no cookie of the reviewer's session left to race with).
  const clerkContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await clerkContext.newPage();
  await loginAs(page, "yibao.clerk");
  await page.goto(`/applications/${paid!.id}`);
  await shot(page, "case-recovery-open");
  const form = page.getByTestId("recovery-form");
  await form.getByLabel("银行流水号 / 缴款凭证号").fill("NYYH-ZH-E2E-0001");
  page.once("dialog", (d) => void d.accept());
  await form.getByRole("button", { name: "登记追回到账" }).click();
  await expect(page.getByTestId("recovery-status")).toContainText(`已到账：${todayInBeijing()}，流水号 NYYH-ZH-E2E-0001`);
  await expect(page.getByTestId("recovery-form")).toHaveCount(0);
  await shot(page, "case-recovery-received");
  const rows = await sql<Record<string, unknown>[]>`
    select amount::text as amount, paid_on::text as paid_on, recovered_on::text as recovered_on, recovered_reference from application_recoveries where application_id = ${paid!.id}`;
  expect(rows).toEqual([{ amount: Number(paid!.paid_amount).toFixed(2), paid_on: paid!.paid_on, recovered_on: todayInBeijing(), recovered_reference: "NYYH-ZH-E2E-0001" }]);
  const [audits] = await sql<{ opened: number; received: number }[]>`
    select count(*) filter (where action = 'applications.recovery_opened')::int as opened, count(*) filter (where action = 'applications.recovery_received')::int as received
    from audit_log where object_id = ${paid!.id}`;
  expect(audits).toEqual({ opened: 1, received: 1 });
  await clerkContext.close();
});
