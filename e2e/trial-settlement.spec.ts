import { expect, test, type Page } from "@playwright/test";
import { e2eSql } from "./helpers/db";
import { loginAs } from "./helpers/login";

const sql = e2eSql();
test.afterAll(async () => sql.end());

// The contract's example claim (docs/cli.md) and a special-disease outpatient visit,
// under 彭水 001: other disease > 30000 at level 2, dibao 80 %; special disease 80 %.
const REQUEST = {
  policy: "pengshui-2023",
  person: { category: "dibao" },
  claims: [
    { id: "A1", date: "2023-06-10", setting: "inpatient", hospitalLevel: 2, policyScopeCost: "52000", outOfScopeCost: "3000", basicPaid: "31000", criticalPaid: "2500" },
    { id: "A2", date: "2023-09-01", setting: "outpatient", specialDisease: true, hospitalLevel: 2, policyScopeCost: "8000", basicPaid: "4000", criticalPaid: "0" },
  ],
};

async function fillRow(page: Page, n: number, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) await page.getByLabel(`第${n}笔 ${label}`).fill(value);
}

test("a clerk runs a trial settlement with two claims and sees each tier with its trace", async ({ page }) => {
  await loginAs(page, "yibao.clerk");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "救助试算" }).click();
  await page.getByRole("combobox", { name: /^政策/ }).selectOption({ label: "彭水县关于健全重特大疾病医疗保险和救助制度的实施意见（预置 pengshui-2023）" });
  await page.getByLabel("救助对象类别").selectOption({ label: "低保对象" });

  await fillRow(page, 1, { 就医日期: "2023-06-10", 政策范围内费用: "52000", 目录外费用: "3000", 基本医保已支付: "31000", 大病保险已支付: "2500" });
  await page.getByRole("button", { name: "增加一笔" }).click();
  await page.getByLabel("第2笔 就医类型").selectOption("outpatient");
  await page.getByLabel("第2笔 特殊疾病").check();
  await fillRow(page, 2, { 就医日期: "2023-09-01", 政策范围内费用: "-5", 基本医保已支付: "4000", 大病保险已支付: "0" });
  await page.getByRole("button", { name: "试算", exact: true }).click();
  await expect(page.getByTestId("trial-errors")).toContainText("第2笔：政策范围内费用不能为负数");
  await expect(page.getByTestId("trial-result")).toHaveCount(0);

  await page.getByLabel("第2笔 政策范围内费用").fill("8000");
  await page.getByLabel("第2笔 医院等级").selectOption("3");
  await page.getByRole("button", { name: "试算", exact: true }).click();
  const amounts = page.getByTestId("trial-amounts");
  // After 试算 the form still shows what was computed with (React used to reset it to 特困人员 and 一级).
  await expect(amounts).toBeVisible();
  await expect(page.getByLabel("救助对象类别")).toHaveValue("dibao");
  await expect(page.getByLabel("第2笔 医院等级")).toHaveValue("3");
  await expect(page.getByLabel("第1笔 医院等级")).toHaveValue("2");
  await expect(amounts.locator('tr[data-claim="1"]')).toContainText("¥14,800.00");
  await expect(amounts.locator('tr[data-claim="2"]')).toContainText("¥3,200.00");
  await expect(page.getByTestId("trial-totals")).toContainText("¥18,000.00");
  const trace = page.getByTestId("trial-trace");
  await expect(trace).toContainText("其他疾病住院救助：二级及以上医院、单次住院政策范围内费用超过 30000 元");
  await expect(trace).toContainText("基数 ¥18,500.00，× 80% → ¥14,800.00");
  await expect(trace).toContainText("特殊疾病救助");
  await expect(trace).toContainText("目录外费用不属于政策范围");
  await expect(page.getByRole("button", { name: "打印" })).toBeVisible();

  // The printed sheet: A4, without the navigation or the form.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
  await expect(page.getByRole("button", { name: "试算", exact: true })).toBeHidden();
  await expect(page.getByTestId("trial-result")).toBeVisible();
});

test("the API answers with an administrator's token, and refuses without one or after revocation", async ({ page, request }) => {
  const anonymous = await request.post("/api/v1/settlement", { data: REQUEST });
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error).toContain("未登录或令牌无效");

  await loginAs(page, "admin");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "接口令牌" }).click();
  await page.getByLabel("用途（如：县人民医院收费系统）").fill("端到端测试医院系统");
  await page.getByLabel("代表的账号").selectOption({ label: "周晓梅（yibao.clerk）" });
  await page.getByRole("button", { name: "签发" }).click();
  const token = (await page.getByTestId("token-value").textContent())!.trim();
  expect(token).toMatch(/^yjz_/);
  const stored = await sql<{ token_hash: string }[]>`select token_hash from api_tokens where prefix = ${token.slice(0, 12)}`;
  expect(stored).toHaveLength(1);
  expect(stored[0]!.token_hash).not.toContain(token);

  const auth = { Authorization: `Bearer ${token}` };
  const ok = await request.post("/api/v1/settlement", { data: REQUEST, headers: auth });
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body.claims.map((c: { id: string; assistance: string }) => [c.id, c.assistance])).toEqual([["A1", "14800.00"], ["A2", "3200.00"]]);
  expect(body.totals).toEqual({ basic: "35000.00", critical: "2500.00", assistance: "18000.00", tilted: "0.00", selfPaid: "4500.00" });

  const bad = await request.post("/api/v1/settlement", { data: { ...REQUEST, policy: "nowhere" }, headers: auth });
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ field: "policy", error: expect.stringMatching(/^policy: unknown policy "nowhere"/), message: "政策：找不到政策 nowhere" });
  const subsidy = await request.post("/api/v1/subsidy", {
    data: { policy: "jining-2023", year: 2023, category: "returned_poverty", tier: 1, contribution: { tier1: "380", tier2: "580" }, feeExempt: false },
    headers: auth,
  });
  expect(await subsidy.json()).toEqual({ subsidy: "280.00", personal: "100.00", funding: [{ source: "medical_assistance", amount: "280.00" }, { source: "personal", amount: "100.00" }] });

  // Token use is audited; the list shows when it was last used.
  const used = await sql<{ n: number }[]>`select count(*)::int as n from audit_log where action in ('api.settlement', 'api.subsidy') and username = 'yibao.clerk'`;
  expect(used[0]!.n).toBe(2);
  await page.reload();
  const row = page.getByTestId("token-list").locator(`tr[data-prefix="${token.slice(0, 12)}"]`);
  await expect(row).toContainText("有效");
  await expect(row).not.toContainText("—");

  await row.getByRole("button", { name: `吊销令牌 ${token.slice(0, 12)}` }).click();
  await expect(row).toContainText("已吊销");
  expect((await request.post("/api/v1/settlement", { data: REQUEST, headers: auth })).status()).toBe(401);
});
