import "server-only";
import { TooLargeError, ValidationError } from "@/lib/errors/app-error";
import { readMultipartUpload, type MultipartForm, type MultipartUpload } from "./multipart";

// The one way a file upload arrives (rosters, enrolment, claims, application attachments): a
// multipart/form-data POST under /api/v1 — outside Next's proxy, which would
// buffer the body and cut it at 10 MB — read as a stream. Multipart rather
// than a raw body: browsers, `curl -F` and other systems send it as is, the
// file name (Chinese) and the small fields travel in the same standard body,
// and nothing depends on custom headers.
//
// The limit is enforced before reading (a declared Content-Length over it is
// a 413 at once) and again while the file is written to disk (writeUpload),
// which is what stops a chunked body that declares no length.

/** Room for the multipart boundaries and the small fields around the file. */
const FORM_OVERHEAD = 64 * 1024;

export async function readUploadRequest(
  request: Request,
  opts: { maxBytes: number; tooLarge: (bytes: number | null) => string; form: MultipartForm },
): Promise<MultipartUpload> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data"))
    throw new ValidationError("file", `请以 multipart/form-data 上传，字段依次为 ${opts.form.fields}`);
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > opts.maxBytes + FORM_OVERHEAD) {
    await request.body?.cancel().catch(() => undefined);
    throw new TooLargeError("file", opts.tooLarge(Number(declared)));
  }
  if (!request.body) throw new ValidationError("file", `没有收到文件：请在 file 字段中上传${opts.form.file}${opts.form.formats ?? "（.xlsx 或 .csv）"}`);
  return readMultipartUpload(request.body, contentType, opts.form);
}
