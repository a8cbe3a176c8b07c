import { expect, test } from "@playwright/test";
import { e2eSql } from "./helpers/db";
import { openE2eId } from "./helpers/id-numbers";
import { loginAs } from "./helpers/login";

// 救助对象 → 按身份证号查找: a full ID finds the person through the blind index,
// by POST (the ID is never in a URL), only within the user's jurisdiction; a
// partial ID is refused with the reason. The ID to type is opened from the
// stored ciphertext with the e2e server's fixed data key (playwright.config.ts).

const sql = e2eSql();
test.afterAll(async () => sql.end());

async function personOutsideTaohong() {
  const [p] = await sql<{ id: string; id_sealed: string }[]>`
    select id, id_sealed from people where division_code like '430524102%' order by id limit 1`;
  return { id: p!.id, idNumber: openE2eId(p!.id_sealed) };
}

test("a clerk finds a person by full ID number without the ID in any URL", async ({ page }) => {
  const person = await personOutsideTaohong();
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  await loginAs(page, "yibao.clerk");
  await page.goto("/people");
  await page.getByLabel("按身份证号查找").fill(person.idNumber);
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page).toHaveURL(new RegExp(`/people/${person.id}$`));
  await expect(page.getByTestId("id-number")).toHaveText(/^\d{6}\*{8}\d{3}[\dX]$/);
  expect(urls.filter((u) => u.includes(person.idNumber))).toEqual([]);
});

test("a partial ID is refused with the reason, and a township clerk does not find a person elsewhere", async ({ page }) => {
  const person = await personOutsideTaohong();
  await loginAs(page, "taohong.clerk");
  await page.goto("/people");
  const form = page.getByTestId("id-search");
  await form.getByLabel("按身份证号查找").fill(person.idNumber.slice(0, 10));
  await form.getByRole("button", { name: "查找" }).click();
  await expect(form.getByRole("alert")).toContainText("不能按部分号码查找");
  await form.getByLabel("按身份证号查找").fill(person.idNumber);
  await form.getByRole("button", { name: "查找" }).click();
  await expect(form.getByRole("alert")).toHaveText("本辖区没有该身份证号的登记人员");
  await expect(page).toHaveURL(/\/people$/);
});
