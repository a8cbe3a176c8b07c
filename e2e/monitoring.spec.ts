import { expect, test } from "@playwright/test";
import { e2eSql } from "./helpers/db";
import { loginAs } from "./helpers/login";

// 监测预警 as its users work it (docs/policy.md §5): the 民政 clerk's county
// worklist of the demo's flags, masked; a flag's page with its basis; an
// outcome refused without a choice, then recorded and audited; the township
// clerk sees only 桃洪镇's flags and is refused another township's.

test.describe("monitoring worklist", () => {
  const sql = e2eSql();
  test.afterAll(async () => {
    await sql.end();
  });

  test("the 民政 clerk works the county's worklist: masked names, a flag's basis, an outcome recorded once", async ({ page }) => {
    await loginAs(page, "minzheng.clerk");
    await page.goto("/monitoring?status=open");
    await expect(page.getByRole("heading", { name: "监测预警" })).toBeVisible();
    const rows = page.getByTestId("flag-row");
    expect(await rows.count()).toBeGreaterThan(0);
    const names = await rows.locator("td:first-child").allInnerTexts();
    expect(names.every((n) => n.includes("*"))).toBe(true);

    await rows.first().getByRole("link", { name: "处理" }).click();
    await expect(page.getByTestId("flag-basis")).toContainText("元");
    const id = page.url().split("/monitoring/")[1]!;
    await page.getByRole("button", { name: "登记办结" }).click();
    await expect(page.getByTestId("outcome-error")).toContainText("请");
    const [still] = await sql<{ status: string }[]>`select status from monitoring_flags where id = ${Number(id)}`;
    expect(still!.status).toBe("open");

    await page.getByLabel("排除（须说明理由）").check();
    await page.getByLabel("办理情况或理由").fill("经核实，该患者已由商业保险报销大部分费用，家庭无返贫风险");
    await page.getByRole("button", { name: "登记办结" }).click();
    await expect(page.getByTestId("flag-status")).not.toContainText("未办结");
    const [done] = await sql<{ status: string; n: number }[]>`
      select f.status, (select count(*)::int from audit_log a where a.action = 'monitoring.outcome' and a.object_id = ${id}) as n
        from monitoring_flags f where f.id = ${Number(id)}`;
    expect(done).toMatchObject({ n: 1 });
    expect(done!.status).not.toBe("open");
  });

  test("the township clerk sees 桃洪镇's flags only and is refused another township's flag", async ({ page }) => {
    await loginAs(page, "taohong.clerk");
    await page.goto("/monitoring");
    const places = await page.getByTestId("flag-row").locator("td:nth-child(2)").allInnerTexts();
    expect(places.length).toBeGreaterThan(0);
    expect(places.every((p) => p.includes("桃洪镇"))).toBe(true);
    const [other] = await sql<{ id: number }[]>`
      select f.id from monitoring_flags f join people p on p.id = f.person_id where p.division_code not like '430524100%' limit 1`;
    expect(other).toBeDefined();
    await page.goto(`/monitoring/${other!.id}`);
    await expect(page.getByText(/无权|没有权限|不在您的管辖/).first()).toBeVisible();
    await expect(page.getByTestId("flag-facts")).toHaveCount(0);
  });

  // 主动发现: the flag's person is accepted at the township counter from the
  // flag (intake is the township's, 003 §三(八)); the flag closes with the case.
  test("the township clerk opens an application from a flag: the person and claims come from the flag, the flag closes with the case", async ({ page }) => {
    const [flag] = await sql<{ id: number; person_id: string }[]>`
      select f.id, f.person_id from monitoring_flags f join people p on p.id = f.person_id
      where f.status = 'open' and p.division_code like '430524100%'
        and not exists (select 1 from applications a where a.person_id = f.person_id and a.state not in ('paid', 'refused'))
      order by f.id limit 1`;
    expect(flag, "an open 桃洪镇 flag whose person has no open case").toBeDefined();
    await loginAs(page, "taohong.clerk");
    await page.goto(`/monitoring/${flag!.id}`);
    await page.getByTestId("open-application").click();
    await expect(page).toHaveURL(new RegExp(`/applications/new\\?flag=${flag!.id}$`));
    await expect(page.getByTestId("from-flag")).toBeVisible();
    await expect(page.getByTestId("applicant")).toBeVisible();
    await page.getByLabel("联系电话").fill("13912345678");
    await page.getByLabel("诊断摘要").fill("肺癌术后化疗，市中心医院多次住院");
    await page.getByLabel("户名").fill("王某");
    await page.getByLabel("开户行").fill("中国农业银行隆回县支行");
    await page.getByLabel("账号").fill("6228480012345678901");
    await page.getByRole("button", { name: "受理申请" }).click();
    await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
    const caseId = page.url().split("/").pop()!;
    await expect(page.getByTestId("case-state")).toHaveText("已受理");
    const [after] = await sql<{ status: string; outcome: string; application_id: string; person_id: string }[]>`
      select f.status, f.outcome, f.application_id, a.person_id from monitoring_flags f join applications a on a.id = f.application_id where f.id = ${flag!.id}`;
    expect(after).toEqual({ status: "closed", outcome: "application_opened", application_id: caseId, person_id: flag!.person_id });
    await page.goto(`/monitoring/${flag!.id}`);
    await expect(page.getByTestId("open-application")).toHaveCount(0);
  });
});
