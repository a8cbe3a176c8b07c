import { expect, test } from "@playwright/test";
import { loginAs } from "./helpers/login";

// The people list's 乡镇 → 村 picker offers the user's jurisdiction only; the
// filters are codes in the URL, and the rows name township and village (the
// demo county has a 松岭村 in 桃洪镇 and another in 小沙江镇).

test("a township clerk picks a village of their own township; another township's code is refused with a message", async ({ page }) => {
  await loginAs(page, "taohong.clerk");
  await page.goto("/people");
  const township = page.getByLabel("乡镇（街道）");
  await expect(township.locator("option")).toHaveText(["桃洪镇"]);
  await page.getByLabel("村（社区）").selectOption({ label: "松岭村" });
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/\/people\?township=430524100000&village=430524100211$/);
  const rows = page.getByTestId("people-table").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allTextContents()) expect(text).toContain("桃洪镇 松岭村");

  // A hand-made URL with another township's code: the refusal page (403, audited), no list.
  const refused = await page.goto("/people?township=430524101000&village=430524101201");
  expect(refused?.status()).toBe(403);
  await expect(page.getByTestId("forbidden")).toContainText("不在您的权限或管辖范围内");
  await expect(page.getByTestId("people-table")).toHaveCount(0);
});

test("a county clerk picks a township, then one of its villages, and a category", async ({ page }) => {
  await loginAs(page, "yibao.clerk");
  await page.goto("/people");
  const village = page.getByLabel("村（社区）");
  await expect(village).toBeDisabled();
  await page.getByLabel("乡镇（街道）").selectOption({ label: "小沙江镇" });
  await expect(village).toBeEnabled();
  await village.selectOption({ label: "松岭村" });
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/township=430524101000&village=430524101201/);
  const rows = page.getByTestId("people-table").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allTextContents()) expect(text).toContain("小沙江镇 松岭村");

  // Another township clears the village; the picker keeps the chosen values after the search.
  await expect(page.getByLabel("乡镇（街道）")).toHaveValue("430524101000");
  await expect(village).toHaveValue("430524101201");
  await page.getByLabel("乡镇（街道）").selectOption({ label: "桃洪镇" });
  await expect(village).toHaveValue("");

  await page.getByLabel("当前救助类别").selectOption({ label: "低保对象" });
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/township=430524100000&category=dibao$/);
  const dibao = page.getByTestId("people-table").locator("tbody tr");
  await expect(dibao.first()).toBeVisible();
  for (const text of await dibao.allTextContents()) {
    expect(text).toContain("桃洪镇");
    expect(text).toContain("低保对象");
  }
});

test("a name search finds the person, and the name never appears in the URL (a sealed token instead)", async ({ page }) => {
  await loginAs(page, "taohong.clerk");
  await page.goto("/people");
  const first = page.getByTestId("people-table").locator("tbody tr").first().locator("td").first();
  const name = (await first.textContent())!.trim();
  await page.getByLabel("姓名").fill(name);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/\/people\?(.*&)?q=/);
  expect(page.url()).not.toContain(encodeURIComponent(name));
  expect(decodeURIComponent(page.url())).not.toContain(name);
  await expect(page.getByLabel("姓名")).toHaveValue(name);
  const rows = page.getByTestId("people-table").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allTextContents()) expect(text).toContain(name);

  // An edited token is not a name: the list says so and shows everyone.
  await page.goto("/people?q=tampered");
  await expect(page.getByTestId("name-search-expired")).toContainText("已失效");
});
