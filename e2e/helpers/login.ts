import { expect, type Browser, type Cookie, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo@Longhui-4827";

/**
 * Signs in without the login form: next-auth's own credentials callback,
 * POSTed through the page's request context (which shares the browser
 * context's cookies) with the CSRF token it hands out, then opens the
 * workbench. The same server-side checks run (verifyLogin: password, lock,
 * throttle, server-side session); only the typing is skipped. The form itself
 * is tested in login-and-navigation.spec.ts (loginThroughForm).
 */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD) {
  await signInOnly(page, username, password);
  await page.goto("/");
  await expect(page.getByTestId("who")).toBeVisible();
}

/** The sign-in of loginAs without opening the workbench: for accounts that must change their password first. */
export async function signInOnly(page: Page, username: string, password = DEMO_PASSWORD) {
  await signOutOfBrowser(page);
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const answer = await page.request.post("/api/auth/callback/credentials", {
    form: { username, password, csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  // Success and refusal are both redirects; a refusal's names the error.
  const location = answer.headers()["location"] ?? "";
  expect(answer.status(), `sign-in of ${username}`).toBe(302);
  expect(location, `sign-in of ${username} refused`).not.toMatch(/error=/);
}

/**
 * Leaves the current page, then clears the browser's cookies. The proxy rolls
 * the session cookie on every answer (next-auth), and a page of the workbench
 * prefetches its links: a prefetch answered after clearCookies() sets the old
 * session's cookie again, and the next sign-in or /login then runs as the old
 * user. Leaving for about:blank first cancels those requests.
 */
export async function signOutOfBrowser(page: Page) {
  await page.goto("about:blank");
  await page.context().clearCookies();
}

/** Signs in through the login form, as a person does, and waits for the workbench. */
export async function loginThroughForm(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  if (!new URL(page.url()).pathname.startsWith("/login")) {
    await signOutOfBrowser(page);
    await page.goto("/login");
  }
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("who")).toBeVisible();
}

/** Cookies copied from a session that has ended, replayed in a fresh browser: the server sends them to the login page. */
export async function expectReplayRefused(browser: Browser, cookies: Cookie[], path = "/people") {
  const replay = await browser.newContext();
  try {
    await replay.addCookies(cookies);
    const other = await replay.newPage();
    await other.goto(path);
    await expect(other).toHaveURL(/\/login/);
  } finally {
    await replay.close();
  }
}
