import { expect, test } from "@playwright/test";
import { e2eSql } from "./helpers/db";
import { loginAs } from "./helpers/login";

const sql = e2eSql();
test.afterAll(async () => sql.end());

const ratioOf = async (policyId: string) =>
  (await sql<{ r: string }[]>`select record #>> '{assistance,rules,0,ratioPercent}' as r from policy_versions where policy_id = ${policyId} and version = 1`)[0]?.r;

test("a 医保 manager copies a preset, edits a ratio, sees the error for a bad value, and activates it", async ({ page }) => {
  await loginAs(page, "yibao.manager");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "政策管理" }).click();
  await expect(page.getByTestId("in-force")).toContainText("隆回县医疗救助政策（据邵阳市2021年办法）（longhui-2026 第 1 版，2021-09-01 起启用）");

  // The preset reads as the document does, each rule with its paragraph and the defaults marked.
  await page.getByTestId("policy-shaoyang-2021").getByRole("link", { name: "第 1 版" }).click();
  const sections = page.getByTestId("policy-sections");
  await expect(sections).toContainText("起付线 6000 元（每次申请），救助比例 50%；年度限额：依申请救助年度限额 50000 元");
  await expect(sections).toContainText("来源：003 §三(八)");
  await expect(sections.getByText("按默认值（文件未明确）").first()).toBeVisible();

  await page.getByLabel("政策编号").fill("e2e-longhui-2030");
  await page.getByLabel("政策名称").fill("隆回县医疗救助政策（端到端测试）");
  await page.getByRole("button", { name: "复制为草稿" }).click();
  await expect(page).toHaveURL(/\/policies\/e2e-longhui-2030\/1\/edit/);

  const editor = page.getByLabel("政策内容（JSON）");
  const record = JSON.parse(await editor.inputValue());
  expect(record).toMatchObject({ id: "e2e-longhui-2030", version: 1 });

  // A ratio above 100 %: named by its field path, nothing stored.
  record.assistance.rules[0].ratioPercent = "150";
  await editor.fill(JSON.stringify(record, null, 2));
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByTestId("draft-errors")).toContainText("政策内容有 1 处问题，未保存任何修改");
  await expect(page.getByTestId("draft-errors")).toContainText('assistance.rules[0].ratioPercent: "150" 超过 100%');
  expect(await ratioOf("e2e-longhui-2030")).toBe("50");
  // The edit is still in the box, to be corrected rather than retyped.
  expect(JSON.parse(await editor.inputValue()).assistance.rules[0].ratioPercent).toBe("150");

  record.assistance.rules[0].ratioPercent = "60";
  record.effectiveFrom = "2030-01-01";
  await editor.fill(JSON.stringify(record, null, 2));
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByTestId("save-result")).toContainText("草稿已保存");
  expect(await ratioOf("e2e-longhui-2030")).toBe("60");

  await page.getByRole("link", { name: "查看版本（可读文本）并启用" }).click();
  await expect(page.getByTestId("policy-sections")).toContainText("救助比例 60%");
  await page.getByLabel("启用日期").fill("2029-12-01");
  await page.getByRole("button", { name: "启用", exact: true }).click();
  await expect(page.getByText("启用日期 2029-12-01 早于本版本的生效日期 2030-01-01")).toBeVisible();
  await page.getByLabel("启用日期").fill("2030-01-01");
  await page.getByRole("button", { name: "启用", exact: true }).click();
  await expect(page.getByTestId("activate-result")).toContainText("已启用：本辖区自 2030-01-01 起的就医按本版本结算");
  await expect(page.getByTestId("activations")).toContainText("隆回县");

  const [activation] = await sql<{ division_code: string; active_from: string; status: string }[]>`
    select a.division_code, a.active_from::text, v.status from policy_activations a join policy_versions v on v.id = a.version_id
    where v.policy_id = 'e2e-longhui-2030'`;
  expect(activation).toEqual({ division_code: "430524000000", active_from: "2030-01-01", status: "active" });
  const audits = await sql<{ action: string }[]>`select action from audit_log where object_id = 'e2e-longhui-2030/v1' and outcome = 'success' order by id`;
  expect(audits.map((a) => a.action)).toEqual(["policies.copy", "policies.edit_draft", "policies.activate"]);

  // Once active, the version is never edited.
  await page.goto("/policies/e2e-longhui-2030/1/edit");
  await expect(page.getByTestId("page-error")).toContainText("已启用，不能再修改");
});

test("a clerk reads a policy but cannot copy or edit it", async ({ page }) => {
  await loginAs(page, "yibao.clerk");
  await page.goto("/policies/longhui-2026/1");
  await expect(page.getByTestId("policy-sections")).toContainText("湖南省邵阳市隆回县");
  await expect(page.getByRole("button", { name: "复制为草稿" })).toHaveCount(0);
  const response = await page.goto("/policies/shaoyang-2021/1/edit");
  expect(response?.status()).toBe(403);
  const missing = await page.goto("/policies/no-such-policy/1");
  expect(missing?.status()).toBe(404);
});
