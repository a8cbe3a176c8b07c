import { expect, test } from "@playwright/test";
import { e2eSql } from "./helpers/db";
import { loginAs } from "./helpers/login";

// The register's name and village are corrected by 医保 only, on the person
// page; a certifying department's clerk sees no such form.

const sql = e2eSql();
test.afterAll(async () => sql.end());

test("a 医保 reviewer corrects a person's name and village; the change is audited and 民政 has no such form", async ({ page }) => {
  const [person] = await sql<{ id: string; name: string }[]>`
    select p.id, p.name from people p
     where p.division_code like '430524100%' and char_length(p.name) = 3
       and not exists (select 1 from audit_log a where a.action = 'people.correct_register' and a.object_id = p.id::text)
     order by p.id desc limit 1`;
  expect(person, "the demo county has a 桃洪镇 resident with a three-character name").toBeTruthy();
  const corrected = `${person!.name.slice(0, 2)}正`;

  await loginAs(page, "minzheng.clerk");
  await page.goto(`/people/${person!.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("更正登记信息（姓名、户籍所在村）")).toHaveCount(0);

  await loginAs(page, "yibao.reviewer");
  await page.goto(`/people/${person!.id}`);
  await page.getByText("更正登记信息（姓名、户籍所在村）").click();
  // A missing reason names the field and keeps what was typed.
  await page.getByLabel("姓名").fill(corrected);
  await page.getByLabel("户籍所在村（社区）").selectOption({ label: "小沙江镇 小沙江社区" });
  await page.getByRole("button", { name: "确认更正" }).click();
  await expect(page.getByText("请填写更正依据")).toBeVisible();
  await expect(page.getByLabel("姓名")).toHaveValue(corrected);

  await page.getByLabel("更正依据").fill("经户籍信息核实，原登记姓名有误");
  await page.getByRole("button", { name: "确认更正" }).click();
  await expect(page.getByRole("status")).toContainText("登记信息已更正");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(corrected);

  const [row] = await sql<{ name: string; division_code: string }[]>`select name, division_code from people where id = ${person!.id}`;
  expect(row).toEqual({ name: corrected, division_code: "430524101001" });
  const audits = await sql<{ username: string }[]>`
    select username from audit_log where action = 'people.correct_register' and outcome = 'success' and object_id = ${person!.id}`;
  expect(audits.map((a) => a.username)).toEqual(["yibao.reviewer"]);
});
