import "server-only";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { withUploadDir } from "@/lib/uploads/upload-temp";
import { cleanUploadName, INCOMPLETE_UPLOAD, saveUpload, UploadBroken, UploadLimitExceeded } from "@/lib/uploads/save-upload";
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
  const fileName = cleanUploadName(input.fileName, "参保缴费数据");
  const ext = enrolmentExtension(fileName);
  if (!ext) throw new ValidationError("file", WRONG_ENROLMENT_TYPE);
  const max = input.maxBytes ?? MAX_ENROLMENT_UPLOAD_BYTES;
  if (input.declaredBytes !== null && input.declaredBytes > max) throw new ValidationError("file", enrolmentTooLarge(input.declaredBytes));

  return withUploadDir("enrolment", async (dir) => {
    const path = join(dir, `upload${ext}`);
    await writeLimited(input.file, path, max);
    const size = (await stat(path)).size;
    if (input.declaredBytes !== null && size !== input.declaredBytes) {
      throw new ValidationError("file", INCOMPLETE_UPLOAD);
    }
    return { ...(await importEnrolment(ctx, { path, fileName })), fileName };
  });
}

async function writeLimited(source: AsyncIterable<Uint8Array>, path: string, max: number): Promise<void> {
  try {
    await saveUpload(source, path, max);
  } catch (err) {
    if (err instanceof UploadLimitExceeded) throw new ValidationError("file", enrolmentTooLarge(null));
    if (err instanceof UploadBroken) throw new ValidationError("file", INCOMPLETE_UPLOAD);
    throw err; // a disk problem (ours: a 500 with a reference)
  }
}
