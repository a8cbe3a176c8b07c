import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { e2eDatabaseUrl } from "./helpers/e2e-database";
import { e2eSql } from "./helpers/db";
import { loginAs } from "./helpers/login";

// The printable forms rendered to A4 PDF by Chromium and read back with
// pdftotext: the office header, the key fields, the page numbers (CSS margin
// boxes), the refusal notice's reason and objection routes, the batch list's
// count and total. The data: demo cases of the seed, and one of them taken to
// 已审批 and into a payment batch through the real use cases
// (e2e/helpers/form-cases.ts). The PDFs stay in test-results/forms/ to be looked at.

const OUT = join("test-results", "forms");
type Ids = { approvedId: string; batchId: number | null; refusedId: string; surveyedId: string };
let ids: Ids;

test.beforeAll(() => {
  const out = execFileSync("npx", ["tsx", "--conditions=react-server", "e2e/helpers/form-cases.ts"], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), PORTAL_DATA_KEY: Buffer.alloc(32, 1).toString("base64"), PORTAL_INDEX_KEY: Buffer.alloc(32, 2).toString("base64") },
    encoding: "utf8",
    timeout: 120_000,
  });
  ids = JSON.parse(out) as Ids;
  mkdirSync(OUT, { recursive: true });
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
  // -layout keeps a table row on one line; spaces inside Chinese runs are dropped for the checks.
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

const squash = (s: string) => s.replace(/[ \u3000]+/g, " ");

test("审批表 and 入户调查记录: office header, applicant, claims, opinions, signature lines, page numbers", async ({ page }) => {
  const sql = e2eSql();
  const [a] = await sql<{ name: string; case_no: string; approved_amount: string | null }[]>`
    select p.name, a.case_no, a.approved_amount::text from applications a join people p on p.id = a.person_id where a.id = ${ids.approvedId}`;
  const [s] = await sql<{ name: string; visitors: string }[]>`
    select p.name, h.visitors from applications a join people p on p.id = a.person_id join household_surveys h on h.application_id = a.id where a.id = ${ids.surveyedId}`;
  await sql.end();
  await loginAs(page, "yibao.reviewer");
  const approval = squash(await pdfText(page, `/applications/${ids.approvedId}/approval-form`, "approval-form"));
  // Labels may wrap inside their cell: compare without whitespace.
  const flat = approval.replace(/\s+/g, "");
  for (const t of ["隆回县医疗保障局", "医疗救助申请审批表", a!.case_no, a!.name, "本年度医疗费用", "乡镇审核意见", "县级审核意见", "按政策计算救助金额", "核定救助金额", "负责人（签字）", "（盖章）", "第1页，共1页"]) expect(flat).toContain(t);
  if (a!.approved_amount) expect(approval).toContain(`¥${Number(a!.approved_amount).toLocaleString("en-US", { minimumFractionDigits: 2 })}`);
  const survey = squash(await pdfText(page, `/applications/${ids.surveyedId}/survey-record`, "survey-record"));
  for (const t of ["医疗救助入户调查记录", s!.name, s!.visitors, "调查人（签字）", "被调查人（或家属）（签字）", "第 1 页，共 1 页"]) expect(survey).toContain(squash(t));
});

test("不予救助告知书: the reason, the legal basis, how and by when to object, the issuing office and seal", async ({ page }) => {
  const sql = e2eSql();
  const [r] = await sql<{ name: string; refusal_reason: string }[]>`
    select p.name, a.refusal_reason from applications a join people p on p.id = a.person_id where a.id = ${ids.refusedId}`;
  await sql.end();
  await loginAs(page, "yibao.reviewer");
  const text = squash(await pdfText(page, `/applications/${ids.refusedId}/refusal-notice`, "refusal-notice"));
  const flat = text.replace(/\s+/g, "");
  for (const t of ["不予救助告知书", r!.name, "不予救助的理由", "邵医保发〔2021〕32号", "对不符合救助条件的，要书面说明理由，并通知申请人。", "申请复核", "10个工作日内", "行政复议", "60日内", "隆回县人民政府申请行政复议", "行政诉讼", "6个月内", "（印章）", "送达回执"]) expect(flat).toContain(t);
  expect(flat).toContain(r!.refusal_reason.replace(/\s+/g, ""));
  // A case that was not refused has no notice.
  await page.goto(`/applications/${ids.surveyedId}/refusal-notice`);
  await expect(page.getByTestId("form-error")).toHaveText("该申请未作出不予救助决定，没有不予救助告知书。");
});

test("支付批次清单 for the payment clerk: batch number, 户名, masked account, count, total, three signatures; refused to the reviewer", async ({ page }) => {
  // The demo seed makes a confirmed batch; without one (no case could be approved, see the setup's log) this fails, never skips.
  expect(ids.batchId, "a payment batch for the printed list").not.toBeNull();
  const sql = e2eSql();
  const lines = await sql<{ batch_no: string; amount: string; tail: string; bank_name: string; status: string }[]>`
    select pb.batch_no, l.amount::text, a.bank_account_tail as tail, a.bank_name, l.status from payment_batches pb
      join payment_batch_lines l on l.batch_id = pb.id join applications a on a.id = l.application_id where pb.id = ${ids.batchId} order by l.id`;
  // A line the bank returned (failed) is listed but not counted: the count and total are of the others.
  const counted = lines.filter((l) => l.status !== "failed");
  const cents = (amount: string) => Number(amount.replace(".", "")); // numeric(14,2) as text: always two decimals
  const totalCents = counted.reduce((n, l) => n + cents(l.amount), 0);
  const yuan = (cents: number) => `¥${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  const before = Number((await sql<{ n: number }[]>`select count(*)::int as n from audit_log where action = 'applications.print_batch'`)[0]!.n);
  await loginAs(page, "yibao.clerk");
  const text = squash(await pdfText(page, `/payment-batches/${ids.batchId}`, "payment-batch"));
  for (const t of ["隆回县医疗保障局", "医疗救助资金支付批次清单", lines[0]!.batch_no, `合计：${counted.length} 笔`, yuan(totalCents), "经办人", "复核人", "负责人", "第 1 页，共 1 页"]) {
    expect(text).toContain(t);
  }
  for (const l of lines) {
    expect(text).toContain(`**** **** ${l.tail}`);
    expect(text).toContain(yuan(cents(l.amount)));
  }
  // A long branch name wraps in its cell, and pdftotext interleaves the wrapped lines with the next cells: check the page.
  await expect(page.getByTestId("batch-list")).toContainText(lines[0]!.bank_name);
  expect(Number((await sql<{ n: number }[]>`select count(*)::int as n from audit_log where action = 'applications.print_batch'`)[0]!.n)).toBe(before + 1);
  await sql.end();
  await loginAs(page, "yibao.reviewer");
  expect((await page.goto(`/payment-batches/${ids.batchId}`))?.status()).toBe(403);
});

test("another township's clerk gets 403 for a case's forms; the case page links to them and takes a scanned attachment", async ({ page }) => {
  const sql = e2eSql();
  const [own] = await sql<{ id: string }[]>`select id from applications where township_code = '430524100000' and state in ('accepted', 'township_review') order by case_no limit 1`;
  const [other] = await sql<{ id: string }[]>`select id from applications where township_code <> '430524100000' order by case_no limit 1`;
  await loginAs(page, "taohong.clerk");
  expect((await page.goto(`/applications/${other!.id}/approval-form`))?.status()).toBe(403);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/applications/${own!.id}`);
  await expect(page.getByTestId("print-links").getByText("打印审批表")).toHaveAttribute("href", `/applications/${own!.id}/approval-form`);
  const png = await sharp({ create: { width: 80, height: 50, channels: 3, background: "#cde" } }).png().toBuffer();
  const panel = page.getByTestId("attachments-panel");
  await panel.locator("select[name=item]").selectOption("identity");
  await panel.locator("input[type=file]").setInputFiles({ name: "身份证正面.png", mimeType: "image/png", buffer: png });
  await panel.getByRole("button", { name: "上传附件" }).click();
  await expect(page.getByTestId("attachment-notice")).toHaveText("已上传：身份证正面.png");
  await expect(page.getByTestId("attachments-list")).toContainText("身份证件");
  // A program renamed .pdf is refused by its content, with the field named.
  await panel.locator("input[type=file]").setInputFiles({ name: "病历.pdf", mimeType: "application/pdf", buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(500)]) });
  await panel.getByRole("button", { name: "上传附件" }).click();
  await expect(page.getByTestId("attachment-error")).toContainText("附件（file）“病历.pdf”不是 PDF、JPEG 或 PNG 文件");
  await page.screenshot({ path: join(OUT, "case-attachments.png"), fullPage: true });
  const href = await page.getByTestId("attachments-list").getByRole("link", { name: "身份证正面.png" }).getAttribute("href");
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(Buffer.from(await res.body()).equals(png)).toBe(true);
  const [audited] = await sql<{ n: number }[]>`select count(*)::int as n from audit_log where action = 'applications.attachment_download' and object_id = ${own!.id}`;
  expect(audited!.n).toBe(1);
  await sql.end();
});
