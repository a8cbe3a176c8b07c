import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Portal#2026";

/** Signs in through the login form and waits for the workbench. */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  // A response still in flight when a test cleared its cookies can set the old
  // session's cookie again; the login page then sends the browser on to the
  // workbench. Start over without it.
  if (!new URL(page.url()).pathname.startsWith("/login")) {
    await page.context().clearCookies();
    await page.goto("/login");
  }
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("who")).toBeVisible();
}
