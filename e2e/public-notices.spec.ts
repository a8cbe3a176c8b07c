import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { noticeTitle, townshipOffice } from "@/lib/notices/domain/notice-title";
import { e2eDatabaseUrl } from "./helpers/e2e-database";
import { e2eSql } from "./helpers/db";
import { openE2eId } from "./helpers/id-numbers";
import { loginAs } from "./helpers/login";

// The public notice pages /gongshi (季度公示, docs/policy.md §7) as an
// anonymous visitor: the notice in its window with masked names and its
// window, a closed one gone, noindex in header and meta, and a privacy scan of
// every public page for each demo person's full name, ID number, birth date and
// bank account (opened with the e2e server's fixed keys). Then the print view
// /notices/<id>/print as PDF through pdftotext, a draft's watermark, and the
// 403 for another township and for an account without notices.view.
// Data: the demo seed's notices, completed by e2e/helpers/notice-cases.ts.
// Screenshots and PDFs stay in test-results/public-notices/ to be looked at.

const OUT = join("test-results", "public-notices");
type Ids = { today: string; inWindowId: string | null; closedId: string | null; draftId: string | null; made: string[] };
type NoticeRow = { id: string; township_code: string; township_name: string; village_code: string; village_name: string; year: number; quarter: number; window_start: string; window_end: string | null; corrects_notice_id: string | null };
let ids: Ids;
const sql = e2eSql();

test.beforeAll(() => {
  const out = execFileSync("npx", ["tsx", "--conditions=react-server", "e2e/helpers/notice-cases.ts"], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), PORTAL_DATA_KEY: Buffer.alloc(32, 1).toString("base64"), PORTAL_INDEX_KEY: Buffer.alloc(32, 2).toString("base64") },
    encoding: "utf8",
    timeout: 120_000,
  });
  ids = JSON.parse(out) as Ids;
  mkdirSync(OUT, { recursive: true });
});
test.afterAll(async () => sql.end());

async function notice(id: string | null): Promise<NoticeRow> {
  expect(id, "the notice the setup found or made").not.toBeNull();
  const [n] = await sql<NoticeRow[]>`
    select id, township_code, township_name, village_code, village_name, year, quarter, window_start::text, window_end::text, corrects_notice_id
      from notices where id = ${id!}`;
  return n!;
}
const titleOf = (n: NoticeRow) => noticeTitle({ townshipName: n.township_name, villageName: n.village_name, year: n.year, quarter: n.quarter, isCorrection: n.corrects_notice_id !== null });
const day = (iso: string) => `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

test("an anonymous visitor sees the notice in its window, by township and village, with masked names, noindex", async ({ page }) => {
  const n = await notice(ids.inWindowId);
  const rows = await sql<{ masked_name: string; full_name: string; amount: string }[]>`
    select r.masked_name, p.name as full_name, r.amount::text from notice_rows r
      join applications a on a.id = r.application_id join people p on p.id = a.person_id where r.notice_id = ${n.id} order by r.seq`;
  expect(rows.length).toBeGreaterThan(0);

  const res = await page.goto("/gongshi");
  expect(res?.status()).toBe(200);
  expect(res?.headers()["x-robots-tag"]).toContain("noindex");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(page.getByRole("heading", { name: "医疗救助对象公示" })).toBeVisible();
  const township = page.getByTestId("public-township").filter({ has: page.getByRole("heading", { name: n.township_name }) });
  const link = township.getByTestId("village-link").filter({ hasText: n.village_name });
  await expect(link).toHaveAttribute("href", `/gongshi/${n.village_code}`);
  await expect(link).toContainText(titleOf(n));
  await expect(link).toContainText(`公示期：${day(n.window_start)}至${day(n.window_end!)}`);

  await link.click();
  await expect(page).toHaveURL(new RegExp(`/gongshi/${n.village_code}$`));
  const article = page.getByTestId("public-notice").filter({ has: page.getByRole("heading", { name: titleOf(n) }) });
  await expect(article.getByTestId("notice-window")).toHaveText(`公示期：${day(n.window_start)}至${day(n.window_end!)}`);
  for (const label of ["异议方式", "受理单位", "联系电话", "发布单位"]) await expect(article).toContainText(label);
  await page.setViewportSize({ width: 1280, height: 900 });
  const table = article.getByTestId("notice-table");
  for (const r of rows) {
    await expect(table).toContainText(r.masked_name);
    await expect(table).toContainText(`¥${Number(r.amount).toLocaleString("en-US", { minimumFractionDigits: 2 })}`);
  }
  const html = await page.content();
  for (const r of rows) expect(html, "a full name on the public page").not.toContain(r.full_name);
  await page.screenshot({ path: join(OUT, "village-1280.png"), fullPage: true });
  await page.goto("/gongshi");
  await page.screenshot({ path: join(OUT, "gongshi-1280.png"), fullPage: true });
});

test("on a 390×844 phone nothing overflows sideways: the rows are stacked cards", async ({ page }) => {
  const n = await notice(ids.inWindowId);
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [path, shot] of [["/gongshi", "gongshi-390.png"], [`/gongshi/${n.village_code}`, "village-390.png"]] as const) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(OUT, shot), fullPage: true });
  }
  await expect(page.getByTestId("notice-cards").first()).toBeVisible();
  await expect(page.getByTestId("notice-table").first()).toBeHidden();
});

test("a closed notice has left /gongshi and stays in the staff records as published; bad codes are a Chinese 404", async ({ page }) => {
  const closed = await notice(ids.closedId);
  expect(closed.window_end! < ids.today).toBe(true);
  await page.goto("/gongshi");
  await expect(page.locator("main")).not.toContainText(titleOf(closed));
  const [open] = await sql<{ n: number }[]>`
    select count(*)::int as n from notices where village_code = ${closed.village_code} and status = 'published' and window_start <= ${ids.today}::date and window_end >= ${ids.today}::date`;
  if (open!.n === 0) {
    const res = await page.goto(`/gongshi/${closed.village_code}`);
    expect(res?.status()).toBe(404);
    await expect(page.getByTestId("public-not-found")).toContainText("没有找到该公示");
  }
  // The staff archive keeps it exactly as published (the rows frozen by the trigger of migration 0015).
  const [kept] = await sql<{ status: string; rows: number }[]>`
    select n.status, (select count(*)::int from notice_rows r where r.notice_id = n.id) as rows from notices n where n.id = ${closed.id}`;
  expect(kept!.status).toBe("published");
  expect(kept!.rows).toBeGreaterThan(0);
  for (const bad of ["abc", "4305241", "430524100000%27", "999999999999"]) {
    const res = await page.goto(`/gongshi/${bad}`);
    expect(res?.status(), bad).toBe(404);
    expect(res?.headers()["x-robots-tag"], bad).toContain("noindex");
    await expect(page.getByText("没有找到该公示")).toBeVisible();
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(OUT, "not-found-390.png") });
});

test("privacy scan: no demo person's full name, ID number, birth date or bank account on any public page", async ({ page }) => {
  test.setTimeout(120_000);
  const people = await sql<{ name: string; id_number: string | null; id_sealed: string | null; birth_date: string }[]>`
    select name, id_number, id_sealed, birth_date::text from people`;
  const banks = await sql<{ account: string | null; holder: string | null }[]>`
    select bank_account_sealed as account, bank_holder_sealed as holder from applications where bank_account_sealed is not null`;
  expect(people.length).toBeGreaterThan(0);
  expect(banks.length).toBeGreaterThan(0);
  const secrets = new Map<string, string>();
  for (const p of people) {
    secrets.set(p.name, "name");
    const id = p.id_number ?? openE2eId(p.id_sealed!);
    secrets.set(id, "ID number");
    const [y, m, d] = p.birth_date.split("-");
    secrets.set(`${y}-${m}-${d}`, "birth date");
    secrets.set(`${y}${m}${d}`, "birth date");
    secrets.set(`${y}年${Number(m)}月${Number(d)}日`, "birth date");
  }
  for (const b of banks) {
    secrets.set(openE2eId(b.account!), "bank account");
    if (b.holder) secrets.set(openE2eId(b.holder), "account holder");
  }

  const pages = new Map<string, string>();
  await page.goto("/gongshi");
  pages.set("/gongshi", await page.content());
  const links = await page.locator("a[href^='/gongshi/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  expect(links.length).toBeGreaterThan(0);
  for (const href of new Set(links)) {
    const res = await page.goto(href);
    expect(res?.status(), href).toBe(200);
    pages.set(href, await page.content());
  }
  const leaks: string[] = [];
  for (const [path, html] of pages) for (const [secret, kind] of secrets) if (html.includes(secret)) leaks.push(`${path}: ${kind} ${secret}`);
  expect(leaks).toEqual([]);
  // Not a vacuous scan: the pages do carry the masked rows.
  const [masked] = await sql<{ masked_name: string }[]>`select masked_name from notice_rows where notice_id = ${ids.inWindowId!} order by seq limit 1`;
  expect([...pages.values()].some((html) => html.includes(masked!.masked_name))).toBe(true);
});

test("the portal still sends an anonymous visitor to /login", async ({ page }) => {
  for (const path of ["/", "/people", "/applications", "/notices", `/notices/${ids.inWindowId}`, `/notices/${ids.inWindowId}/print`]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/login/);
  }
});

async function pdfText(page: Page, path: string, name: string): Promise<string> {
  const res = await page.goto(path);
  expect(res?.status()).toBe(200);
  await expect(page.getByTestId("print-button")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("print-button")).toBeHidden();
  const file = join(OUT, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  await page.emulateMedia({ media: "screen" });
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}
const flat = (s: string) => s.replace(/\s+/g, "");

test("print view: A4 PDF with the township's header, title, window, objection channel, seal line and page numbers", async ({ page }) => {
  const n = await notice(ids.inWindowId);
  const [publisher] = await sql<{ username: string }[]>`
    select username from users where role = 'publisher' and department = 'township' and jurisdiction = ${n.township_code} and status = 'active' order by username limit 1`;
  const [first] = await sql<{ masked_name: string; phone: string; objection_to: string }[]>`
    select r.masked_name, n.contact_phone as phone, n.objection_to from notice_rows r join notices n on n.id = r.notice_id where r.notice_id = ${n.id} order by r.seq limit 1`;
  await loginAs(page, publisher!.username);
  const text = flat(await pdfText(page, `/notices/${n.id}/print`, "notice"));
  for (const t of [townshipOffice(n.township_name), titleOf(n), `公示期：${day(n.window_start)}至${day(n.window_end!)}`, "序号", "姓名", "救助金额", first!.masked_name, first!.phone, first!.objection_to, "（盖章）", "第1页，共"]) {
    expect(text).toContain(flat(t));
  }
  expect(text).not.toContain("草稿");

  // A draft prints marked as one, without a window.
  const draft = await notice(ids.draftId);
  const [draftPublisher] = await sql<{ username: string }[]>`
    select username from users where role = 'publisher' and department = 'township' and jurisdiction = ${draft.township_code} and status = 'active' order by username limit 1`;
  await loginAs(page, draftPublisher!.username);
  const draftText = flat(await pdfText(page, `/notices/${draft.id}/print`, "notice-draft"));
  expect(draftText).toContain("草稿");
  expect(draftText).toContain("自发布之日起5个工作日");

  // A long village list runs over several A4 pages: the table head and the page numbers on each.
  // Test-only rows added to the draft by SQL (a draft's rows may change; a published notice's never) and removed after.
  const [counted] = await sql<{ n: number }[]>`select count(*)::int as n from notice_rows where notice_id = ${draft.id}`;
  const before = counted!.n;
  await sql`
    insert into notice_rows (notice_id, seq, application_id, masked_name, village_name, category_name, amount, approved_on)
    select r.notice_id, ${before} + g, r.application_id, '测*' || g, r.village_name, r.category_name, r.amount, r.approved_on
      from notice_rows r, generate_series(1, 59) g where r.notice_id = ${draft.id} and r.seq = 1`;
  try {
    await pdfText(page, `/notices/${draft.id}/print`, "notice-long");
    const file = join(OUT, "notice-long.pdf");
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
    expect(pages).toBeGreaterThan(1);
    let rowsSeen = 0;
    for (let p = 1; p <= pages; p++) {
      const text = flat(execFileSync("pdftotext", ["-layout", "-f", String(p), "-l", String(p), file, "-"], { encoding: "utf8" }));
      // Every page that carries rows starts them under the repeated head (the last may hold only the seal).
      if (text.includes("测*")) expect(text, `page ${p}`).toContain("序号姓名村（社区）救助对象类别救助金额审批日期");
      expect(text, `page ${p}`).toContain(`第${p}页，共${pages}页`);
      rowsSeen += (text.match(/测\*\d+/g) ?? []).length;
    }
    // Each added row printed once: none lost or cut in two across a page break.
    expect(rowsSeen).toBe(59);
  } finally {
    await sql`delete from notice_rows where notice_id = ${draft.id} and seq > ${before}`;
  }
});

test("print view refused (403) to another township's publisher and to an account without notices.view", async ({ browser }) => {
  const n = await notice(ids.inWindowId);
  const [other] = await sql<{ username: string }[]>`
    select username from users where department = 'township' and role in ('publisher', 'manager') and jurisdiction <> ${n.township_code} and status = 'active' order by username limit 1`;
  // A demo township clerk (no notices.view): not "the first clerk by name", which in a full run is the account admin-users.spec creates with its own password.
  const clerk = { username: "taohong.clerk" };
  expect(other, "a publisher of another township").toBeDefined();
  for (const username of [other!.username, clerk!.username]) {
    // A fresh browser per account: no cookie of the previous sign-in can interfere with the next.
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await loginAs(page, username);
      const res = await page.goto(`/notices/${n.id}/print`);
      expect(res?.status(), username).toBe(403);
      await expect(page.getByTestId("forbidden")).toBeVisible();
    } finally {
      await context.close();
    }
  }
});
