import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { acceptApplication } from "@/lib/applications/accept-application";
import { resealAttachmentFiles } from "@/lib/applications/attachments/attachment-store";
import { downloadAttachment } from "@/lib/applications/attachments/download-attachment";
import { listAttachments } from "@/lib/applications/attachments/list-attachments";
import { uploadAttachment } from "@/lib/applications/attachments/upload-attachment";
import { ATTACHMENT_MAX_BYTES, attachmentTooLarge } from "@/lib/applications/domain/attachment-kind";
import { refuseApplication } from "@/lib/applications/refuse-application";
import type { UseCaseContext } from "@/lib/auth/context";
import { AppError, HTTP_STATUS } from "@/lib/errors/app-error";
import { fileDownload } from "@/lib/http/file-download";
import { readUploadRequest } from "@/lib/uploads/upload-request";
import { fakeExe, tinyJpeg, tinyPdf, tinyPng } from "../helpers/attachment-files";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// Scanned attachments through what the routes run: readUploadRequest (the
// one upload pipeline) and the use cases, with real PDF/PNG/JPEG files made
// here. The type is decided by the bytes; over 20 MB or the wrong type stores
// nothing; only users who may see the case list or fetch them; every upload
// and download leaves an audit row.

const NOW = new Date("2026-11-18T02:00:00Z");

async function multipart(fields: Record<string, string>, name: string, bytes: Buffer, chunked = false): Promise<Request> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("file", new Blob([new Uint8Array(bytes)]), name);
  const encoded = new Request("http://localhost/x", { method: "POST", body: form });
  const contentType = encoded.headers.get("content-type")!;
  const body = Buffer.from(await encoded.arrayBuffer());
  if (!chunked) return new Request("http://localhost/x", { method: "POST", body, headers: { "content-type": contentType, "content-length": String(body.length) } });
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      for (let i = 0; i < body.length; i += 64 * 1024) c.enqueue(new Uint8Array(body.subarray(i, i + 64 * 1024)));
      c.close();
    },
  });
  return new Request("http://localhost/x", { method: "POST", body: stream, headers: { "content-type": contentType }, duplex: "half" } as RequestInit);
}

async function answer(run: () => Promise<unknown>): Promise<{ status: number; body: unknown }> {
  try {
    return { status: 200, body: await run() };
  } catch (err) {
    if (err instanceof AppError) return { status: HTTP_STATUS[err.code], body: { error: err.message, field: err.field } };
    throw err;
  }
}

/** POST /api/v1/applications/:id/attachments as the route runs it. */
const post = (ctx: UseCaseContext, id: string, request: Request) =>
  answer(async () => {
    const upload = await readUploadRequest(request, { maxBytes: ATTACHMENT_MAX_BYTES, tooLarge: attachmentTooLarge, form: { fields: "item、file", file: "附件", formats: "（PDF、JPEG 或 PNG）" } });
    try {
      return await uploadAttachment(ctx, { applicationId: id, item: upload.fields.item, fileName: upload.file.fileName, file: upload.file.stream });
    } catch (err) {
      upload.discard();
      throw err;
    }
  });

describe.each(drivers())("application attachments on %s", (driver) => {
  let s: Scratch;
  let folder: string;
  let clerk: UseCaseContext;
  let caseId: string;
  const staff = async (username: string): Promise<UseCaseContext> => ({ ...(await contextOf(s, username)), now: () => NOW });
  const count = async (sql: string, params: unknown[] = []) => Number((await s.handle.raw.query<{ n: number }>(sql, params))[0]!.n);
  const stored = () => readdirSync(folder);

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "attachments-test-"));
    process.env.ATTACHMENTS_DIR = join(folder, "store");
    folder = process.env.ATTACHMENTS_DIR;
    s = await seededDb(driver);
    clerk = await staff("taohong.clerk");
    const [person] = await s.handle.raw.query<{ id: string }>("select id from people where division_code like '430524100%' order by id limit 1");
    const created = await acceptApplication(clerk, {
      personId: person!.id,
      acceptedOn: "2026-11-16",
      filerKind: "self",
      phone: "13812345678",
      bankHolder: "王大山",
      bankName: "中国农业银行隆回县支行",
      bankAccount: "6222021234567890123",
      diagnosisSummary: "脑梗死，住院治疗",
      documents: ["identity", "certification", "diagnosis", "history", "receipts"].map((item) => ({ item, status: "supplied" })),
    });
    caseId = created.id;
  }, 300_000);
  afterAll(async () => {
    delete process.env.ATTACHMENTS_DIR;
    await s?.drop();
    rmSync(join(folder, ".."), { recursive: true, force: true });
  });

  it("stores a real PDF, PNG and JPEG encrypted under random names, 0600, typed by their bytes, each upload audited", async () => {
    const pdf = tinyPdf();
    const png = await tinyPng();
    const jpeg = await tinyJpeg();
    const a = await post(clerk, caseId, await multipart({ item: "identity" }, "王大山身份证.pdf", pdf));
    const b = await post(clerk, caseId, await multipart({ item: "diagnosis" }, "出院小结.png", png, true));
    // The browser's name says .jpg-less "scan"; the bytes say JPEG.
    const c = await post(clerk, caseId, await multipart({ item: "other" }, "scan", jpeg));
    expect(a).toMatchObject({ status: 200, body: { item: "identity", itemName: "身份证件", fileName: "王大山身份证.pdf", contentType: "application/pdf", sizeBytes: pdf.length } });
    expect(b).toMatchObject({ status: 200, body: { contentType: "image/png", sizeBytes: png.length } });
    expect(c).toMatchObject({ status: 200, body: { itemName: "其他", contentType: "image/jpeg" } });
    const names = stored();
    expect(names).toHaveLength(3);
    for (const n of names) {
      expect(n).toMatch(/^[0-9a-f]{32}$/);
      expect(statSync(join(folder, n)).mode & 0o777).toBe(0o600);
    }
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    // Encrypted at rest: each file is its upload sealed (magic, key id, IV, tag: 40 bytes more), and none holds the plain bytes.
    const onDisk = names.map((n) => readFileSync(join(folder, n)));
    expect(onDisk.map((b) => b.length).sort((x, y) => x - y)).toEqual([pdf.length, png.length, jpeg.length].map((n) => n + 40).sort((x, y) => x - y));
    for (const b of onDisk) {
      expect(b.subarray(0, 4).toString("ascii")).toBe("PAF1");
      for (const plain of [pdf, png, jpeg]) expect(b.includes(plain.subarray(0, 16))).toBe(false);
    }
    const audits = await s.handle.raw.query<{ detail: Record<string, unknown> }>("select detail from audit_log where action = 'applications.attachment_upload' and object_id = $1", [caseId]);
    expect(audits).toHaveLength(3);
    expect(JSON.stringify(audits)).not.toContain("王大山");

    const list = await listAttachments(await staff("yibao.reviewer"), caseId);
    expect(list.attachments.map((x) => [x.itemName, x.fileName, x.typeName])).toEqual([
      ["身份证件", "王大山身份证.pdf", "PDF"],
      ["本年度诊断病历", "出院小结.png", "PNG 图片"],
      ["其他", "scan", "JPEG 图片"],
    ]);
    expect(list.attachments[0]!.uploaderName).toBe("罗春兰");
    expect(list.canUpload).toBe(false); // the county reviewer, while the township has the case
    expect((await listAttachments(clerk, caseId)).canUpload).toBe(true);
  });

  it("refuses a program renamed .pdf, an unknown item and an empty file, naming the field in Chinese, storing nothing", async () => {
    const before = await count("select count(*)::int as n from application_attachments");
    const exe = await post(clerk, caseId, await multipart({ item: "identity" }, "身份证.pdf", fakeExe()));
    expect(exe).toEqual({ status: 400, body: { field: "file", error: "附件（file）“身份证.pdf”不是 PDF、JPEG 或 PNG 文件：格式按文件内容判断，与扩展名无关，请上传扫描件或照片" } });
    expect(await post(clerk, caseId, await multipart({ item: "passport" }, "a.pdf", tinyPdf()))).toMatchObject({ status: 400, body: { field: "item" } });
    expect(await post(clerk, caseId, await multipart({ item: "identity" }, "空.pdf", Buffer.alloc(0)))).toMatchObject({ status: 400, body: { field: "file", error: expect.stringContaining("空文件") } });
    expect(await count("select count(*)::int as n from application_attachments")).toBe(before);
    expect(stored()).toHaveLength(3);
  });

  it("refuses over 20 MB with 413 — declared or chunked — and stores nothing", async () => {
    const before = await count("select count(*)::int as n from application_attachments");
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(ATTACHMENT_MAX_BYTES, 0x20)]);
    const declared = await post(clerk, caseId, await multipart({ item: "receipts" }, "票据.pdf", big));
    expect(declared).toMatchObject({ status: 413, body: { field: "file", error: expect.stringContaining("每个附件不超过 20 MB") } });
    const chunked = await post(clerk, caseId, await multipart({ item: "receipts" }, "票据.pdf", big, true));
    expect(chunked).toMatchObject({ status: 413, body: { field: "file" } });
    expect(await count("select count(*)::int as n from application_attachments")).toBe(before);
    expect(stored()).toHaveLength(3);
  });

  it("another township's clerk and a post without the step get 403 for list, download and upload, audited, nothing stored", async () => {
    const other = await staff("xiaoshajiang.clerk");
    const [first] = (await listAttachments(clerk, caseId)).attachments;
    const refusedBefore = await count("select count(*)::int as n from audit_log where outcome = 'refused' and object_id = $1", [caseId]);
    await expect(listAttachments(other, caseId)).rejects.toMatchObject({ code: "forbidden" });
    await expect(downloadAttachment(other, caseId, first!.id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await post(other, caseId, await multipart({ item: "other" }, "x.png", await tinyPng()))).toMatchObject({ status: 403 });
    expect(await post(await staff("yibao.reviewer"), caseId, await multipart({ item: "other" }, "x.png", await tinyPng()))).toMatchObject({ status: 403 });
    await expect(listAttachments(await staff("minzheng.clerk"), caseId)).rejects.toMatchObject({ code: "forbidden" });
    expect(await count("select count(*)::int as n from audit_log where outcome = 'refused' and object_id = $1", [caseId])).toBe(refusedBefore + 5);
    expect(await count("select count(*)::int as n from audit_log where action = 'applications.attachment_download'")).toBe(0);
    expect(stored()).toHaveLength(3);
    // An unknown attachment id, or one of this case asked for under another case's id, is not found.
    await expect(downloadAttachment(clerk, caseId, "01900000-0000-7000-8000-000000000000")).rejects.toMatchObject({ code: "not_found" });
  });

  it("a download hands out the stored bytes with nosniff and the escaped name, and writes an audit row", async () => {
    const reviewer = await staff("yibao.reviewer");
    const [pdfRow, , jpegRow] = (await listAttachments(reviewer, caseId)).attachments;
    const file = await downloadAttachment(reviewer, caseId, pdfRow!.id);
    expect(file).toMatchObject({ fileName: "王大山身份证.pdf", contentType: "application/pdf" });
    expect(file.body.equals(tinyPdf())).toBe(true);
    const response = fileDownload(file.body, file.fileName, file.contentType);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="______.pdf"; filename*=UTF-8''${encodeURIComponent("王大山身份证.pdf")}`);
    expect((await downloadAttachment(reviewer, caseId, jpegRow!.id)).fileName).toBe("scan.jpg");
    const audits = await s.handle.raw.query<{ actor_username: string | null; detail: Record<string, unknown> }>(
      "select detail from audit_log where action = 'applications.attachment_download' and object_id = $1 order by id",
      [caseId],
    );
    expect(audits.map((a) => a.detail.attachmentId)).toEqual([pdfRow!.id, jpegRow!.id]);
  });

  it("a decided case takes no more attachments (409), and says so", async () => {
    const [row] = await s.handle.raw.query<{ version: number }>("select version from applications where id = $1", [caseId]);
    await refuseApplication(clerk, caseId, { version: row!.version, reason: "家庭收入超过认定标准" });
    const r = await post(clerk, caseId, await multipart({ item: "other" }, "x.png", await tinyPng()));
    expect(r).toEqual({ status: 409, body: { field: "file", error: "该申请当前为“不予救助”，案卷已审结，不能再上传附件" } });
    expect(stored()).toHaveLength(3);
    // Still visible to those who may see the case.
    expect((await listAttachments(clerk, caseId)).attachments).toHaveLength(3);
  });

  it("`keys rotate` re-seals every file with the new key: the scans still download after the old key is retired", async () => {
    const reviewer = await staff("yibao.reviewer");
    const [pdfRow] = (await listAttachments(reviewer, caseId)).attachments;
    const before = stored().map((n) => readFileSync(join(folder, n)));
    const old = process.env.PORTAL_DATA_KEY!;
    const fresh = Buffer.alloc(32, 9).toString("base64");
    process.env.PORTAL_DATA_KEY = fresh;
    process.env.PORTAL_DATA_KEY_OLD = old;
    try {
      expect(await resealAttachmentFiles()).toBe(3);
      expect(await resealAttachmentFiles()).toBe(0); // nothing left to do
      delete process.env.PORTAL_DATA_KEY_OLD; // retired
      const after = stored().map((n) => readFileSync(join(folder, n)));
      after.forEach((b, i) => expect(b.equals(before[i]!)).toBe(false));
      expect((await downloadAttachment(reviewer, caseId, pdfRow!.id)).body.equals(tinyPdf())).toBe(true);
    } finally {
      process.env.PORTAL_DATA_KEY = old;
      process.env.PORTAL_DATA_KEY_OLD = fresh;
      await resealAttachmentFiles(); // back to the suite's key
      delete process.env.PORTAL_DATA_KEY_OLD;
    }
  });
});
