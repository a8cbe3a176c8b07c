import "server-only";
import { join } from "node:path";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { ValidationError } from "@/lib/errors/app-error";
import { uploadLimitBytes, uploadLimitMb } from "@/lib/uploads/upload-limit";
import { withUploadDir } from "@/lib/uploads/upload-temp";
import { cleanUploadName, writeUpload } from "@/lib/uploads/save-upload";
import { importEnrolment, type ImportEnrolmentResult } from "./import-enrolment";
import { enrolmentExtension, enrolmentTooLarge, WRONG_ENROLMENT_TYPE } from "./domain/upload-limits";

export type ReceiveEnrolmentUploadInput = {
  fileName: string;
  /** The file's bytes as they arrive (an upload stream): written to a temporary file, never held whole. */
  file: AsyncIterable<Uint8Array>;
  /** Overrides UPLOAD_MAX_MB (tests). */
  maxBytes?: number;
};

/**
 * The 医保 clerk's upload of an enrolment file: the permission is checked
 * before a byte is stored, the upload streamed to a temporary file under the
 * size limit (a body cut short fails the multipart parser: nothing is
 * imported), imported all-or-nothing, and the temporary file removed
 * whatever happens.
 */
export async function receiveEnrolmentUpload(ctx: UseCaseContext, input: ReceiveEnrolmentUploadInput): Promise<ImportEnrolmentResult & { fileName: string }> {
  await requirePermission(ctx, "enrolment.manage", { objectType: "enrolment_import" });
  const fileName = cleanUploadName(input.fileName, "参保缴费数据");
  const ext = enrolmentExtension(fileName);
  if (!ext) throw new ValidationError("file", WRONG_ENROLMENT_TYPE);
  return withUploadDir("enrolment", async (dir) => {
    const path = join(dir, `upload${ext}`);
    await writeUpload(input.file, path, input.maxBytes ?? uploadLimitBytes(), enrolmentTooLarge(null, uploadLimitMb()));
    return { ...(await importEnrolment(ctx, { path, fileName })), fileName };
  });
}
