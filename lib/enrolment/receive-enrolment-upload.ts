import "server-only";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { ValidationError } from "@/lib/errors/app-error";
import { importEnrolment, type ImportEnrolmentResult } from "./import-enrolment";
import { enrolmentExtension, enrolmentTooLarge, MAX_ENROLMENT_UPLOAD_BYTES, WRONG_ENROLMENT_TYPE } from "./upload-limits";

export type ReceiveEnrolmentUploadInput = {
  fileName: string;
  /** The size the browser reported: a body cut short on the way (a proxy limit, a dropped connection) must not import as a smaller file. */
  declaredBytes: number | null;
  file: AsyncIterable<Uint8Array>;
  maxBytes?: number;
};

/**
 * The 医保 clerk's upload of an enrolment file: the permission is checked
 * before a byte is stored, the upload streamed to a temporary file with a
 * size limit and checked complete, imported all-or-nothing, and the temporary
 * file removed whatever happens.
 */
export async function receiveEnrolmentUpload(ctx: UseCaseContext, input: ReceiveEnrolmentUploadInput): Promise<ImportEnrolmentResult & { fileName: string }> {
  await requirePermission(ctx, "enrolment.manage", { objectType: "enrolment_import" });
  const fileName = cleanFileName(input.fileName);
  const ext = enrolmentExtension(fileName);
  if (!ext) throw new ValidationError("file", WRONG_ENROLMENT_TYPE);
  const max = input.maxBytes ?? MAX_ENROLMENT_UPLOAD_BYTES;
  if (input.declaredBytes !== null && input.declaredBytes > max) throw new ValidationError("file", enrolmentTooLarge(input.declaredBytes));

  const dir = await mkdtemp(join(tmpdir(), "enrolment-upload-"));
  try {
    const path = join(dir, `upload${ext}`);
    await writeLimited(input.file, path, max);
    const size = (await stat(path)).size;
    if (input.declaredBytes !== null && size !== input.declaredBytes) {
      throw new ValidationError("file", "文件没有完整上传（连接中断或上传内容不完整），请重新上传");
    }
    return { ...(await importEnrolment(ctx, { path, fileName })), fileName };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

class TooLarge extends Error {}

async function writeLimited(source: AsyncIterable<Uint8Array>, path: string, max: number): Promise<void> {
  let bytes = 0;
  try {
    await pipeline(
      source,
      async function* (chunks: AsyncIterable<Uint8Array>) {
        for await (const chunk of chunks) {
          bytes += chunk.length;
          if (bytes > max) throw new TooLarge();
          yield chunk;
        }
      },
      createWriteStream(path, { flags: "wx" }),
    );
  } catch (err) {
    if (err instanceof TooLarge) throw new ValidationError("file", enrolmentTooLarge(null));
    throw new ValidationError("file", "文件没有完整上传（连接中断或上传内容不完整），请重新上传");
  }
}

function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(-120) || "参保缴费数据";
}
