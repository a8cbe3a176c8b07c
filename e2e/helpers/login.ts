import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Portal#2026";

/** Signs in through the login form and waits for the workbench. */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("who")).toBeVisible();
}
