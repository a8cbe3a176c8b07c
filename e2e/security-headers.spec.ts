import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./helpers/login";

// Every answer carries the headers of docs/security.md: pages, the public
// notice pages, API answers (never cached) and static files alike.

const EVERYWHERE = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
};

test("pages, public pages and API answers carry the security headers; API answers are not cached", async ({ page, request }) => {
  for (const path of ["/login", "/gongshi"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBeLessThan(500);
    const h = res.headers();
    expect(h, path).toMatchObject(EVERYWHERE);
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["x-powered-by"], path).toBeUndefined();
    // The e2e server runs without PORTAL_HTTPS: plain http, so no HSTS.
    expect(h["strict-transport-security"], path).toBeUndefined();
  }
  const anonymous = await request.get("/api/v1/applications");
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()).toMatchObject({ ...EVERYWHERE, "cache-control": "no-store" });
  expect(anonymous.headers()["content-security-policy"]).toContain("default-src 'none'");

  await loginAs(page, "yibao.clerk");
  const signedIn = await page.request.get("/api/v1/applications");
  expect(signedIn.status()).toBeLessThan(500);
  expect(signedIn.headers()["cache-control"]).toBe("no-store");
  const portal = await page.request.get("/");
  expect(portal.headers()).toMatchObject(EVERYWHERE);
});

/** script-src of a CSP header, as a list. */
function scriptSrc(csp: string | undefined): string[] {
  return (csp ?? "").split(";").map((d) => d.trim().split(/\s+/)).find(([name]) => name === "script-src")?.slice(1) ?? [];
}

test("every page's scripts run by a nonce new for each request; no 'unsafe-inline' for scripts; every script tag carries it", async ({ request }) => {
  const nonces: string[] = [];
  for (const path of ["/login", "/login", "/gongshi"]) {
    const res = await request.get(path);
    const src = scriptSrc(res.headers()["content-security-policy"]);
    expect(src, path).toContain("'strict-dynamic'");
    expect(src, path).not.toContain("'unsafe-inline'");
    expect(src, path).not.toContain("'unsafe-eval'");
    const nonce = src.find((v) => v.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce, path).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    nonces.push(nonce!);
  }
  expect(new Set(nonces).size).toBe(3);
});

test("behind a TLS proxy (X-Forwarded-Proto: https) the session and CSRF cookies are Secure; on plain http they are not", async ({ request }) => {
  const secure = await request.get("/api/auth/csrf", { headers: { "x-forwarded-proto": "https" } });
  const secureCookies = secure.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  expect(secureCookies.length).toBeGreaterThan(0);
  for (const c of secureCookies) expect(c).toMatch(/^__(Host|Secure)-.*;\s*Secure/i);
  const plain = await request.get("/api/auth/csrf");
  for (const h of plain.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie")) expect(h.value).not.toMatch(/;\s*Secure/i);
});

/** Records every CSP violation the page reports (the listener is injected by Playwright, outside the page's CSP). */
async function watchViolations(page: Page): Promise<string[]> {
  const console: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return console;
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

test("pages with charts, forms, print pages and the public pages run under the CSP with no violation; an injected inline handler is refused", async ({ page }) => {
  test.setTimeout(120_000);
  const consoleViolations = await watchViolations(page);
  await page.goto("/gongshi");
  await expect(page.getByRole("heading").first()).toBeVisible();
  expect(await violations(page), "/gongshi").toEqual([]);

  await loginAs(page, "yibao.manager");
  const pages: [string, string][] = [
    ["/stats", ".recharts-surface"], // the dashboard's charts (recharts)
    ["/applications/timeliness", ".recharts-surface"],
    ["/account/password", "form"], // a form with a client action
    ["/stats/reports/print?report=annual", "table"],
  ];
  for (const [path, ready] of pages) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await expect(page.locator(ready).first(), path).toBeVisible({ timeout: 20_000 });
    // Hydrated: client components respond (the scripts ran).
    await page.waitForFunction(() => document.querySelectorAll("script[nonce]").length > 0 && document.readyState === "complete");
    expect(await violations(page), path).toEqual([]);
  }
  // A client-side navigation loads further chunks ('strict-dynamic'): still none.
  await page.goto("/");
  await page.getByRole("link", { name: /统计分析/ }).first().click();
  await expect(page.locator(".recharts-surface").first()).toBeVisible({ timeout: 20_000 });
  expect(await violations(page), "client-side navigation to /stats").toEqual([]);
  expect(consoleViolations).toEqual([]);

  // The listener works: markup injected with an inline handler is refused and reported.
  await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<img src="/no-such-image.png" onerror="window.__ran = 1">'));
  await expect.poll(() => violations(page)).toContainEqual(expect.stringMatching(/^script-src/));
  expect(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();
});
