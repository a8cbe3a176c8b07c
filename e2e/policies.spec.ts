import { expect, test } from "@playwright/test";
import { e2eSql } from "./helpers/db";
import { loginAs } from "./helpers/login";

const sql = e2eSql();
test.afterAll(async () => sql.end());

const stored = async (version: number) =>
  (
    await sql<{ ratio: string; pool: string; status: string; effective_to: string | null; target: string | null }[]>`
      select record #>> '{assistance,rules,0,ratioPercent}' as ratio, record #>> '{limitPools,0,annualLimit}' as pool, status,
             record #>> '{coverageTarget,percent}' as target,
             record ->> 'effectiveTo' as effective_to
      from policy_versions where policy_id = 'longhui-2026' and version = ${version}`
  )[0];

test("a 医保 manager edits a draft in Chinese forms, is told a bad value by field, and activates it with the overlap explained", async ({ page }) => {
  await loginAs(page, "yibao.manager");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "政策管理" }).click();
  await expect(page.getByTestId("in-force")).toContainText("（longhui-2026 第 1 版，2021-09-01 起启用）");

  // The county's policy reads as the document does: named by its 文号, each rule with the document's words, defaults marked.
  await page.getByTestId("policy-longhui-2026").getByRole("link", { name: "第 1 版" }).click();
  const sections = page.getByTestId("policy-sections");
  await expect(sections).toContainText("邵阳市医疗保障局等《关于巩固拓展医疗保障脱贫攻坚成果有效衔接乡村振兴战略的实施方案》（邵医保发〔2021〕32号）");
  await expect(sections).toContainText("来源：邵医保发〔2021〕32号 §三(八)");
  await expect(sections).toContainText("原文：“对其经基本医保、大病保险支付后");
  await expect(sections.getByTestId("defaulted").first()).toHaveText("默认值，请按本地办法核对");
  await expect(sections).not.toContainText(".txt");

  // 复制为新版本 under the same policy id: version 2, a draft, opened in the form editor.
  await page.getByLabel("政策名称").fill("隆回县医疗救助政策（2030年起）");
  await page.getByRole("button", { name: "复制为草稿" }).click();
  await expect(page).toHaveURL(/\/policies\/longhui-2026\/2\/edit/);
  const before = (await stored(2))!;

  // A ratio of 150 % and a limit of "abc": each named under its field in Chinese, nothing stored.
  const rule = page.getByTestId("assistance-rule-0");
  const pool = page.getByTestId("pool-0");
  await rule.getByLabel("救助比例", { exact: true }).fill("150");
  await pool.getByLabel("年度限额", { exact: true }).fill("abc");
  await expect(page.getByTestId("section-preview")).toContainText("还有 2 处需要改正");
  const trigger = await rule.getByLabel("救助方式").inputValue();
  await page.getByRole("button", { name: "保存草稿" }).click();
  const errors = page.getByTestId("draft-errors");
  await expect(errors).toContainText("有 2 处填写有误，未保存任何修改");
  await expect(errors).toContainText(/医疗救助规则 1「.+」 · 救助比例（%）：「150」 超过 100%/);
  await expect(errors).toContainText(/年度救助限额 1「.+」 · 年度限额（元）：「abc」 不是金额/);
  await expect(rule.getByTestId("field-error")).toHaveText("「150」 超过 100%");
  await expect(pool.getByTestId("field-error")).toHaveText("「abc」 不是金额（非负数，最多两位小数）");
  for (const visible of [errors, page.getByTestId("section-assistance")]) await expect(visible).not.toContainText(/ratioPercent|annualLimit|Invalid input/);
  expect(await stored(2)).toEqual(before);
  // The choices stay as they were (React's form reset once put every <select> back to its first option).
  await expect(rule.getByLabel("救助方式")).toHaveValue(trigger);

  // Corrected, and the new version starts on 2030-01-01 (基本信息).
  await rule.getByLabel("救助比例", { exact: true }).fill("60");
  await pool.getByLabel("年度限额", { exact: true }).fill("60000");
  await expect(page.getByTestId("section-preview")).toContainText("救助比例 60%");

  // 参保率目标 in its own section: a percent without its two decimals is named under the field, then corrected.
  await page.getByRole("button", { name: "参保率目标", exact: true }).click();
  const target = page.getByTestId("coverage-target");
  await target.getByLabel("参保率不低于（两位小数，如 99.00）").fill("99.5");
  await expect(page.getByTestId("section-preview")).toContainText("还有 1 处需要改正");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByTestId("draft-errors")).toContainText("参保率目标 · 比例（%）：参保率目标须为两位小数的百分数");
  await expect(target.getByTestId("field-error")).toHaveText(/参保率目标须为两位小数的百分数/);
  await target.getByLabel("参保率不低于（两位小数，如 99.00）").fill("99.00");
  await expect(page.getByTestId("section-preview")).toContainText("救助对象参保率目标：不低于 99.00%");
  await expect(page.getByTestId("section-preview")).not.toContainText("参保年度");
  await page.getByRole("button", { name: "基本信息", exact: true }).click();
  await page.getByLabel("生效日期").fill("2030-01-01");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByTestId("save-result")).toContainText("草稿已保存");
  expect(await stored(2)).toMatchObject({ ratio: "60", pool: "60000", status: "draft", target: "99.00" });

  // Activation explains in words that version 1 ends, and waits for the confirmation.
  await page.getByRole("link", { name: "查看版本（可读文本）并启用" }).click();
  await expect(page.getByTestId("policy-sections")).toContainText("救助比例 60%");
  await page.getByLabel("启用日期").fill("2030-01-01");
  await page.getByRole("button", { name: "启用", exact: true }).click();
  await expect(page.getByTestId("activate-confirm")).toContainText("第 1 版将于 2029-12-31 结束（原为长期有效），第 2 版自 2030-01-01 起施行");
  expect(await stored(1)).toMatchObject({ status: "active", effective_to: null });
  expect(await stored(2)).toMatchObject({ status: "draft" });
  await page.getByRole("button", { name: "确认启用" }).click();
  await expect(page.getByTestId("activate-result")).toContainText("已启用：本辖区自 2030-01-01 起的就医按本版本结算；第 1 版的有效期截至 2029-12-31");
  expect(await stored(1)).toMatchObject({ status: "retired", effective_to: "2029-12-31" });
  expect(await stored(2)).toMatchObject({ status: "active", ratio: "60", pool: "60000" });
  const audits = await sql<{ action: string; detail: { overlapConfirmed?: boolean } | null }[]>`
    select action, detail from audit_log where object_id = 'longhui-2026/v2' and outcome = 'success' order by id`;
  expect(audits.map((a) => a.action)).toEqual(["policies.copy", "policies.edit_draft", "policies.activate"]);
  expect(audits[2]!.detail).toMatchObject({ overlapConfirmed: true, closed: [{ version: 1, effectiveTo: "2029-12-31" }] });

  // The page shows the new values; once active, the version is never edited.
  await page.reload();
  await expect(page.getByTestId("policy-sections")).toContainText("救助比例 60%");
  await expect(page.getByTestId("policy-sections")).toContainText("60000 元");
  await page.goto("/policies/longhui-2026/2/edit");
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
