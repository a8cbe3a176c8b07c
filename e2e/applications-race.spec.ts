import { expect, test, type Page } from "@playwright/test";
import { e2eSql } from "./helpers/db";
import { loginAs } from "./helpers/login";

// Two people act on the same county_review case at once: the county reviewer
// and the manager, each in a browser context of their own, open the case and
// see 审核通过. The reviewer approves first; the manager's approval, sent with
// the version the page showed, is refused with 刚被他人办理 and changes
// nothing (one approve transition, by the reviewer; the case's row as the
// reviewer left it).

const sql = e2eSql();
test.afterAll(async () => sql.end());

const shots = process.env.E2E_SHOTS;
async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

test("concurrent approval: the reviewer wins, the manager is told the case changed and nothing else happens", async ({ browser }) => {
  test.setTimeout(120_000);
  // A demo case under county audit, made approvable as the township and the reviewer would leave it: a
  // hand-entered receipt (the demo forwards some cases without claims) and any missing document waived.
  const candidates = await sql<{ id: string; accepted_on: string }[]>`
    select a.id, a.accepted_on::text as accepted_on from applications a
    where a.state = 'county_review' and not a.joint_meeting order by a.case_no limit 12`;
  expect(candidates.length, "the demo seed has cases under county audit").toBeGreaterThan(0);
  const prepare = async (c: { id: string; accepted_on: string }) => {
    await sql`update application_documents set status = 'waived', waive_reason = '已核实原件（e2e）' where application_id = ${c.id} and status = 'missing'`;
    await sql`
      insert into application_receipts (application_id, receipt_no, claim_date, setting, hospital_name, hospital_level, total_cost, policy_scope_cost, basic_paid, critical_paid)
      values (${c.id}, 'E2E-RACE-1', ${c.accepted_on}::date, 'inpatient', '湖南省人民医院', 3, 60000, 50000, 25000, 6000)
      on conflict do nothing`;
  };
  const reviewerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const managerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const reviewer = await reviewerContext.newPage();
  const manager = await managerContext.newPage();
  await loginAs(reviewer, "yibao.reviewer");
  await loginAs(manager, "yibao.manager");

  // The first candidate whose engine amount is above zero: the form is offered for a 0.00 amount too (its
  // approval is then refused), and which cases are left under county audit depends on the specs run before.
  let id = "";
  for (const c of candidates) {
    await prepare(c);
    await reviewer.goto(`/applications/${c.id}`);
    const form = reviewer.getByTestId("approve-form");
    if ((await form.isVisible()) && !/ 0\.00 元/.test((await form.getByRole("button").textContent()) ?? "")) {
      id = c.id;
      break;
    }
  }
  expect(id, "an approvable county_review case").not.toBe("");
  await manager.goto(`/applications/${id}`);
  await expect(reviewer.getByTestId("approve-form")).toBeVisible();
  await expect(manager.getByTestId("approve-form")).toBeVisible();

  const [before] = await sql<{ version: number }[]>`select version from applications where id = ${id}`;
  const approvals = async () => (await sql<{ n: number }[]>`select count(*)::int as n from audit_log where object_id = ${id} and action = 'applications.approve'`)[0]!.n;
  expect(await approvals()).toBe(0);

  reviewer.once("dialog", (d) => void d.accept());
  await reviewer.getByTestId("approve-form").getByRole("button").click();
  await expect(reviewer.getByTestId("case-state")).toHaveText(/已审批/);
  const [approved] = await sql<Record<string, unknown>[]>`select state, version, approved_amount::text as amount, approved_on::text as approved_on, due_on::text as due_on from applications where id = ${id}`;
  expect(approved).toMatchObject({ state: "approved", version: before!.version + 1 });

  // The manager's page still shows the old version: the approval is refused in Chinese.
  manager.once("dialog", (d) => void d.accept());
  await manager.getByTestId("approve-form").getByRole("button").click();
  await expect(manager.getByTestId("approve-form").getByRole("alert")).toContainText("该申请刚被他人办理或已变更，请刷新页面查看最新状态后再操作");
  await shot(manager, "race-refused");

  // Nothing changed by the refused approval: the row as the reviewer left it, one approve transition (the reviewer's), one approval audited.
  const [after] = await sql<Record<string, unknown>[]>`select state, version, approved_amount::text as amount, approved_on::text as approved_on, due_on::text as due_on from applications where id = ${id}`;
  expect(after).toEqual(approved);
  const transitions = await sql<{ username: string }[]>`
    select u.username from application_transitions t join users u on u.id = t.actor_id where t.application_id = ${id} and t.action = 'approve'`;
  expect(transitions.map((t) => t.username)).toEqual(["yibao.reviewer"]);
  expect(await approvals()).toBe(1);
  await reviewerContext.close();
  await managerContext.close();
});
