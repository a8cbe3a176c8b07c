import { expect, test } from "@playwright/test";

// The public notice pages are rate limited before they render (proxy.ts,
// lib/http/public-rate-limit.ts). The e2e server runs without TRUSTED_PROXY,
// so every anonymous visitor shares one bucket (5 minutes' worth of the
// per-minute rate, refilled at 10× that rate): a burst of parallel requests
// drains it. This spec runs after the other public page specs (file order) and
// the bucket refills within half a minute.

test("a flood of /gongshi requests is answered 429 in Chinese with Retry-After and noindex; staff pages are not limited by it", async ({ request }) => {
  let limited: Awaited<ReturnType<typeof request.get>> | undefined;
  for (let round = 0; round < 25 && !limited; round++) {
    const answers = await Promise.all(Array.from({ length: 40 }, () => request.get("/gongshi", { maxRedirects: 0 })));
    limited = answers.find((r) => r.status() === 429);
    expect(answers.every((r) => r.status() === 200 || r.status() === 429)).toBe(true);
  }
  expect(limited, "no 429 after 1,000 requests").toBeDefined();
  expect(limited!.headers()["retry-after"]).toMatch(/^[1-9]\d*$/);
  expect(limited!.headers()["x-robots-tag"]).toBe("noindex, nofollow");
  expect(await limited!.text()).toContain("访问过于频繁，请稍后再试");
  const login = await request.get("/login");
  expect(login.status()).toBe(200);
});
