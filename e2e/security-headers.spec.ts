import { expect, test } from "@playwright/test";
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
  }
  const anonymous = await request.get("/api/v1/applications");
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()).toMatchObject({ ...EVERYWHERE, "cache-control": "no-store" });

  await loginAs(page, "yibao.clerk");
  const signedIn = await page.request.get("/api/v1/applications");
  expect(signedIn.status()).toBeLessThan(500);
  expect(signedIn.headers()["cache-control"]).toBe("no-store");
  const portal = await page.request.get("/");
  expect(portal.headers()).toMatchObject(EVERYWHERE);
});
