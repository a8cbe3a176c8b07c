import "server-only";
import { join } from "node:path";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { ValidationError } from "@/lib/errors/app-error";
import { uploadLimitBytes, uploadLimitMb } from "@/lib/uploads/upload-limit";
import { withUploadDir } from "@/lib/uploads/upload-temp";
import { cleanUploadName, writeUpload } from "@/lib/uploads/save-upload";
import { importClaims, type ImportClaimsResult } from "./import-claims";
import { claimsExtension, claimsTooLarge, WRONG_CLAIMS_TYPE } from "./domain/upload-limits";

export type ReceiveClaimsUploadInput = {
  fileName: string;
  /** The file's bytes as they arrive (an upload stream): written to a temporary file, never held whole. */
  file: AsyncIterable<Uint8Array>;
  /** Overrides UPLOAD_MAX_MB (tests). */
  maxBytes?: number;
  now?: Date;
};

/**
 * The 医保 clerk's upload of a settlement-record file: the permission is
 * checked before a byte is stored, the upload streamed to a temporary file
 * under the size limit, imported all-or-nothing by importClaims, and the
 * temporary file removed whatever happens.
 */
export async function receiveClaimsUpload(ctx: UseCaseContext, input: ReceiveClaimsUploadInput): Promise<ImportClaimsResult & { fileName: string }> {
  await requirePermission(ctx, "claims.import", { objectType: "claim_import" });
  const fileName = cleanUploadName(input.fileName, "结算记录");
  const ext = claimsExtension(fileName);
  if (!ext) throw new ValidationError("file", WRONG_CLAIMS_TYPE);
  return withUploadDir("claims", async (dir) => {
    const path = join(dir, `upload${ext}`);
    await writeUpload(input.file, path, input.maxBytes ?? uploadLimitBytes(), claimsTooLarge(null, uploadLimitMb()));
    return { ...(await importClaims(ctx, { path, fileName, now: input.now })), fileName };
  });
}
