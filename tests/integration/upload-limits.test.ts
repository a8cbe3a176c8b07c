import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { claimsUploadResultSchema } from "@/lib/claims/domain/claims-upload-response";
import { receiveClaimsUpload } from "@/lib/claims/receive-claims-upload";
import { claimsTooLarge } from "@/lib/claims/domain/upload-limits";
import { activatePolicy, CLAIM_FILE_HEADER, claimCells, residents, setCategory, writeClaimsXlsx, type TestPerson } from "@/tests/helpers/claims-fixtures";
import { enrolmentUploadResultSchema } from "@/lib/enrolment/domain/enrolment-upload-response";
import { receiveEnrolmentUpload } from "@/lib/enrolment/receive-enrolment-upload";
import { enrolmentTooLarge } from "@/lib/enrolment/domain/upload-limits";
import { AppError, HTTP_STATUS } from "@/lib/errors/app-error";
import { csvText, syntheticId, tempDir, writeXlsxFile } from "@/tests/helpers/roster-files";
import { uploadLimitBytes, uploadLimitMb } from "@/lib/uploads/upload-limit";
import { readUploadRequest } from "@/lib/uploads/upload-request";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// What POST /api/v1/claims/import and /api/v1/enrolment/import run, on real
// multipart requests: readUploadRequest (the Content-Length check and the
// streamed form), the receive use case (written to disk under the limit,
// imported, the temporary file removed), the answer parsed by the schema the
// browser uses. (The route files only add apiRoute's session lookup, which
// needs Next's request scope; its error mapping is HTTP_STATUS.) Files over
// the old 9.5 MB limit are accepted; bodies over UPLOAD_MAX_MB are 413 —
// declared or chunked — and store nothing.

const ENROLMENT_HEADER = ["身份证号", "姓名", "参保年度", "缴费档次", "个人缴费标准", "一档个人缴费标准", "缴费日期", "免缴人员"];

/** Rows of empty cells, as Excel leaves after the data: they make the file large and are skipped as blank. */
function padded(rows: string[][], width: number, bytes: number): Buffer {
  const data = iconv.encode(csvText(rows), "gb18030");
  const line = `${",".repeat(width - 1)}\r\n`;
  const pad = Buffer.from(line.repeat(Math.ceil(Math.max(0, bytes - data.length) / line.length)));
  return Buffer.concat([data, pad]);
}

/** A multipart POST as a browser sends it: with Content-Length, or chunked (a stream, no length). */
async function multipart(name: string, bytes: Buffer, chunked = false): Promise<Request> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)]), name);
  const encoded = new Request("http://localhost/api/v1/upload", { method: "POST", body: form });
  const contentType = encoded.headers.get("content-type")!;
  const body = Buffer.from(await encoded.arrayBuffer());
  if (!chunked) return new Request("http://localhost/api/v1/upload", { method: "POST", body, headers: { "content-type": contentType, "content-length": String(body.length) } });
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < body.length; i += 64 * 1024) controller.enqueue(new Uint8Array(body.subarray(i, i + 64 * 1024)));
      controller.close();
    },
  });
  return new Request("http://localhost/api/v1/upload", { method: "POST", body: stream, headers: { "content-type": contentType }, duplex: "half" } as RequestInit);
}

/** The HTTP status and body apiRoute would answer with. */
async function answer(run: () => Promise<unknown>): Promise<{ status: number; body: unknown }> {
  try {
    return { status: 200, body: await run() };
  } catch (err) {
    if (err instanceof AppError) return { status: HTTP_STATUS[err.code], body: { error: err.message, field: err.field } };
    throw err;
  }
}

/** This process's upload folders still on disk (each upload's is removed after it, whatever happened). */
const leftovers = async () =>
  (await readdir(join(tmpdir(), `portal-uploads-${process.getuid!()}`)).catch(() => [] as string[])).filter((n) => new RegExp(`^(claims|enrolment)-${process.pid}-`).test(n));

describe.each(drivers())("claims and enrolment uploads on %s", (driver) => {
  let s: Scratch;
  let files: Awaited<ReturnType<typeof tempDir>>;
  let people: TestPerson[];
  beforeAll(async () => {
    s = await seededDb(driver);
    files = await tempDir();
    await activatePolicy(s.handle.db, {
      preset: "pengshui-2023",
      division: "430524000000",
      activeFrom: "2025-01-01",
      edit: (r) => r.parameters.values.push({ year: 2025, name: "priorYearIncome", value: "36000", source: { doc: "001", paragraph: "§二(二)2", defaulted: true, note: "测试值" } }),
    });
    people = await residents(s.handle.db, "4305241012", 3);
    await setCategory(s.handle.db, people, "dibao", "2024-01-01");
  });
  afterAll(async () => {
    delete process.env.UPLOAD_MAX_MB;
    await s?.drop();
    await files?.remove();
  });

  const counts = async () => {
    const [r] = await s.handle.raw.query<{ claims: number; imports: number; enrolments: number; enrolmentImports: number }>(
      `select (select count(*) from claims)::int as claims, (select count(*) from claim_imports)::int as imports,
              (select count(*) from enrolments)::int as enrolments, (select count(*) from enrolment_imports)::int as "enrolmentImports"`,
    );
    return r!;
  };
  const claimsRoute = async (request: Request) =>
    answer(async () => {
      const upload = await readUploadRequest(request, { maxBytes: uploadLimitBytes(), tooLarge: (b) => claimsTooLarge(b, uploadLimitMb()), form: { fields: "file", file: "结算记录" } });
      try {
        return claimsUploadResultSchema.parse(await receiveClaimsUpload(await contextOf(s, "yibao.clerk"), { fileName: upload.file.fileName, file: upload.file.stream }));
      } catch (err) {
        upload.discard();
        throw err;
      }
    });
  const enrolmentRoute = async (request: Request) =>
    answer(async () => {
      const upload = await readUploadRequest(request, { maxBytes: uploadLimitBytes(), tooLarge: (b) => enrolmentTooLarge(b, uploadLimitMb()), form: { fields: "file", file: "参保缴费数据" } });
      try {
        return enrolmentUploadResultSchema.parse(await receiveEnrolmentUpload(await contextOf(s, "yibao.clerk"), { fileName: upload.file.fileName, file: upload.file.stream }));
      } catch (err) {
        upload.discard();
        throw err;
      }
    });
  const claim = (n: number, person: TestPerson) => claimCells({ externalId: `UP-${n}`, person, date: "2025-03-0" + (n % 9 + 1), total: "1000", scope: "800", basic: "500" });

  it("accepts a 12 MB GB18030 claims CSV (the old limit was 9.5 MB) and an .xlsx", async () => {
    const before = await counts();
    const csv = padded([CLAIM_FILE_HEADER, claim(1, people[0]!), claim(2, people[1]!)], CLAIM_FILE_HEADER.length, 12 * 1024 * 1024);
    expect(csv.length).toBeGreaterThan(12 * 1024 * 1024);
    const r = await claimsRoute(await multipart("2025年结算记录.csv", csv));
    expect(r).toMatchObject({ status: 200, body: { fileName: "2025年结算记录.csv", rows: 2, added: 2, rejected: [] } });
    const xlsx = await writeClaimsXlsx(files.file("claims.xlsx"), [claim(3, people[2]!)]);
    expect(await claimsRoute(await multipart("结算记录.xlsx", await readFile(xlsx), true))).toMatchObject({ status: 200, body: { added: 1, rejected: [] } });
    expect(await counts()).toMatchObject({ claims: before.claims + 3, imports: before.imports + 2 });
    expect(await leftovers()).toEqual([]);
  });

  it("accepts a 12 MB GB18030 enrolment CSV and an .xlsx", async () => {
    const before = await counts();
    const row = (n: number, id = people[n]!.idNumber, name = people[n]!.name) => [id, name, "2026", "一档", "400", "400", "2025-11-05", "否"];
    const csv = padded([ENROLMENT_HEADER, row(0), row(1)], ENROLMENT_HEADER.length, 12 * 1024 * 1024);
    const r = await enrolmentRoute(await multipart("2026参保.csv", csv));
    expect(r).toMatchObject({ status: 200, body: { fileName: "2026参保.csv", year: 2026, rows: 2, enrolled: 2, rejected: [] } });
    await writeXlsxFile(files.file("enrolment.xlsx"), [ENROLMENT_HEADER, row(2), row(0, syntheticId(930_001), "外来人")]);
    const x = await enrolmentRoute(await multipart("2026参保.xlsx", await readFile(files.file("enrolment.xlsx"))));
    expect(x).toMatchObject({ status: 200, body: { rows: 2, enrolled: 1, notKnown: 1, rejected: [] } });
    expect(await counts()).toMatchObject({ enrolments: before.enrolments + 3, enrolmentImports: before.enrolmentImports + 2 });
  });

  it("refuses bodies over UPLOAD_MAX_MB with 413 — declared or chunked — and stores nothing", async () => {
    process.env.UPLOAD_MAX_MB = "1";
    try {
      const before = await counts();
      const big = padded([CLAIM_FILE_HEADER, claim(11, people[0]!)], CLAIM_FILE_HEADER.length, 2 * 1024 * 1024);
      const declared = await claimsRoute(await multipart("大文件.csv", big));
      expect(declared).toEqual({ status: 413, body: { error: expect.stringMatching(/^文件过大（2\.0 MB）：网页导入的结算记录不能超过 1 MB/), field: "file" } });
      const chunked = await claimsRoute(await multipart("大文件.csv", big, true));
      expect(chunked).toEqual({ status: 413, body: { error: expect.stringContaining("不能超过 1 MB"), field: "file" } });
      const enrolment = padded([ENROLMENT_HEADER, [people[0]!.idNumber, people[0]!.name, "2026", "一档", "400", "400", "2025-11-05", "否"]], 8, 2 * 1024 * 1024);
      expect(await enrolmentRoute(await multipart("参保.csv", enrolment))).toMatchObject({ status: 413, body: { field: "file" } });
      expect(await enrolmentRoute(await multipart("参保.csv", enrolment, true))).toMatchObject({ status: 413, body: { error: expect.stringContaining("不能超过 1 MB") } });
      expect(await counts()).toEqual(before);
      expect(await leftovers()).toEqual([]);
    } finally {
      delete process.env.UPLOAD_MAX_MB;
    }
  });
});
