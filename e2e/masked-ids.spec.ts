import { createHmac } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { e2eSql } from "./helpers/db";
import { loginAs } from "./helpers/login";

// A masked ID (430524********1873) hides exactly the birth date, so a full
// birth date on the same page rebuilds the number. As every demo account,
// crawl every page of its navigation plus a few lists and person pages, and
// for each masked ID on a page check that no full date on that page completes
// it into a registered person's number: the candidate number's blind index
// (HMAC, the e2e server's fixed index key from playwright.config.ts) must not
// be in people.id_hash. No clear ID number is needed, and none is read.

const sql = e2eSql();
test.afterAll(async () => sql.end());

const INDEX_KEY = Buffer.alloc(32, 2); // PORTAL_INDEX_KEY of the e2e server (playwright.config.ts)
const blindIndex = (id: string) => createHmac("sha256", INDEX_KEY).update(id).digest("hex");

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChar = (first17: string) => "10X98765432"[[...first17].reduce((sum, ch, i) => sum + Number(ch) * WEIGHTS[i]!, 0) % 11];

const ACCOUNTS = [
  "admin", "yibao.clerk", "yibao.reviewer", "yibao.manager", "minzheng.clerk", "xiangcun.clerk",
  "tuiyi.clerk", "canlian.clerk", "taohong.clerk", "taohong.publisher", "caizheng.viewer",
];

/** Every full date on the page as 8 digits (YYYY-MM-DD, YYYY/MM/DD and YYYY年M月D日). */
function datesIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(/(\d{4})[-/](\d{2})[-/](\d{2})/g)) found.add(`${m[1]}${m[2]}${m[3]}`);
  for (const m of text.matchAll(/(\d{4})年(\d{1,2})月(\d{1,2})日/g)) found.add(`${m[1]}${m[2]!.padStart(2, "0")}${m[3]!.padStart(2, "0")}`);
  return found;
}

/** The masked IDs on the page, and those whose hidden digits are one of the page's dates, as `masked ← date`. */
async function leaks(page: Page): Promise<{ masked: number; leaks: string[] }> {
  const text = await page.locator("body").innerText();
  const masked = [...new Set(text.match(/\d{6}\*{8}\d{3}[\dX]/g) ?? [])];
  const dates = [...datesIn(text)];
  const candidates = new Map<string, string>();
  for (const m of masked) {
    for (const d of dates) {
      const first17 = `${m.slice(0, 6)}${d}${m.slice(14, 17)}`;
      if (checkChar(first17) === m[17]) candidates.set(blindIndex(first17 + m[17]), `${m} ← ${d}`);
    }
  }
  if (candidates.size === 0) return { masked: masked.length, leaks: [] };
  const hits = await sql<{ id_hash: string }[]>`select id_hash from people where id_hash = any(${[...candidates.keys()]})`;
  return { masked: masked.length, leaks: hits.map((h) => candidates.get(h.id_hash)!) };
}

/** Same-origin links on the page whose path starts with `prefix`, first `n`. */
async function links(page: Page, prefix: RegExp, n: number): Promise<string[]> {
  const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(hrefs.filter((h) => prefix.test(h)))].slice(0, n);
}

for (const username of ACCOUNTS) {
  test(`${username}: no page shows a masked ID beside the birth date it hides`, async ({ page }) => {
    test.setTimeout(180_000);
    await loginAs(page, username);
    const nav = await page.getByRole("navigation", { name: "主导航" }).locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    const visited = new Set<string>();
    const found: string[] = [];
    let maskedSeen = 0;
    const visit = async (path: string) => {
      if (visited.has(path)) return;
      visited.add(path);
      const response = await page.goto(path);
      expect(response?.status(), path).toBeLessThan(400);
      const result = await leaks(page);
      maskedSeen += result.masked;
      for (const leak of result.leaks) found.push(`${path}: ${leak}`);
    };
    for (const path of nav) await visit(path);
    // A few person pages and their claims, a consolidated month's lists, from the pages just seen.
    if (nav.includes("/people")) {
      await visit("/people");
      for (const person of await links(page, /^\/people\/[0-9a-f-]{36}$/, 3)) {
        await visit(person);
        for (const claims of await links(page, /^\/people\/[0-9a-f-]{36}\/claims/, 1)) await visit(claims);
      }
    }
    if (nav.includes("/rosters/consolidate")) {
      await visit("/rosters/consolidate");
      for (const month of await links(page, /^\/rosters\/consolidate\/\d{4}-\d{2}/, 1)) await visit(month);
    }
    expect(visited.size).toBeGreaterThanOrEqual(nav.length);
    // Whoever may list people has seen masked IDs, so the check above had something to check.
    if (nav.includes("/people")) expect(maskedSeen).toBeGreaterThan(0);
    expect(found).toEqual([]);
  });
}

test("a certifying department's clerk gets 403 on a person's claims page and its export, audited", async ({ browser }) => {
  const [person] = await sql<{ id: string }[]>`select distinct c.person_id as id from claims c order by 1 limit 1`;
  expect(person, "the demo county has settled claims").toBeTruthy();
  for (const username of ["minzheng.clerk", "canlian.clerk"]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await loginAs(page, username);
    const [{ n: before }] = await sql<[{ n: number }]>`
      select count(*)::int as n from audit_log where action = 'claims.view' and outcome = 'refused' and username = ${username} and object_id = ${person!.id}`;
    expect((await page.goto(`/people/${person!.id}/claims?year=2026`))?.status()).toBe(403);
    expect((await page.request.get(`/people/${person!.id}/claims/export?year=2026`)).status()).toBe(403);
    // The person page opens, without the claims section.
    await page.goto(`/people/${person!.id}`);
    await expect(page.getByTestId("id-number")).toBeVisible();
    await expect(page.getByTestId("claims-section")).toHaveCount(0);
    const [{ n: after }] = await sql<[{ n: number }]>`
      select count(*)::int as n from audit_log where action = 'claims.view' and outcome = 'refused' and username = ${username} and object_id = ${person!.id}`;
    expect(after).toBe(before + 2);
    await context.close();
  }
});
