import { expect, test } from "@playwright/test";
import { dataFingerprint, e2eSql } from "./helpers/db";
import { withE2eIds } from "./helpers/id-numbers";
import { loginAs } from "./helpers/login";

const sql = e2eSql();
test.afterAll(async () => sql.end());

test("a township clerk opening another township's person gets 403, audited, and nothing changes", async ({ page }) => {
  const [foreign] = await sql<{ id: string }[]>`select id from people where division_code like '430524101%' order by id limit 1`;
  const [own] = await sql<{ id: string; name: string }[]>`select id, name from people where division_code like '430524100%' order by id limit 1`;
  await loginAs(page, "taohong.clerk");
  const before = await dataFingerprint(sql);
  const [{ n: refusalsBefore }] = await sql<[{ n: number }]>`select count(*)::int as n from audit_log where outcome = 'refused' and object_id = ${foreign!.id}`;

  const response = await page.goto(`/people/${foreign!.id}`);
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("forbidden")).toBeVisible();

  const listing = await page.goto("/people?township=430524101000");
  expect(listing?.status()).toBe(403);

  expect(await dataFingerprint(sql)).toBe(before);
  const [{ n: refusalsAfter }] = await sql<[{ n: number }]>`select count(*)::int as n from audit_log where outcome = 'refused' and object_id = ${foreign!.id} and username = 'taohong.clerk'`;
  expect(refusalsAfter).toBe(refusalsBefore + 1);

  // Their own township's person opens, with the ID masked and no reveal button.
  await page.goto(`/people/${own!.id}`);
  await expect(page.getByRole("heading", { name: own!.name })).toBeVisible();
  await expect(page.getByTestId("id-number")).toHaveText(/^430524\*{8}\d{3}[\dX]$/);
  await expect(page.getByRole("button", { name: /查看完整号码/ })).toHaveCount(0);
});

test("the people list shows only the clerk's own township", async ({ page }) => {
  await loginAs(page, "taohong.clerk");
  await page.goto("/people");
  const codes = await page.getByTestId("people-table").locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-division") ?? ""));
  expect(codes.length).toBeGreaterThan(0);
  expect(codes.filter((c) => !c.startsWith("430524100"))).toEqual([]);
  const [{ n }] = await sql<[{ n: number }]>`select count(*)::int as n from people where division_code like '430524100%'`;
  await expect(page.getByText(`共 ${n.toLocaleString("zh-CN")} 人`)).toBeVisible();
});

test("a reviewer reveals a full ID number, and the reveal is audited", async ({ page }) => {
  const [person] = withE2eIds(await sql<{ id: string; id_sealed: string }[]>`select id, id_sealed from people order by id limit 1`);
  const before = (await sql`select 1 from audit_log where action = 'people.reveal_id' and object_id = ${person!.id} and username = 'yibao.reviewer'`).length;
  await loginAs(page, "yibao.reviewer");
  await page.goto(`/people/${person!.id}`);
  await expect(page.getByTestId("id-number")).not.toHaveText(person!.id_number);
  await page.getByRole("button", { name: /查看完整号码/ }).click();
  await expect(page.getByTestId("id-number")).toHaveText(person!.id_number);
  // Counted against the reviewer's reveals before this one, so a retry of this test can pass too.
  const reveals = async () => (await sql`select 1 from audit_log where action = 'people.reveal_id' and object_id = ${person!.id} and username = 'yibao.reviewer'`).length;
  expect(await reveals()).toBe(before + 1);
});
