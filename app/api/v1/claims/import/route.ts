import { claimsUploadResultSchema } from "@/lib/claims/domain/claims-upload-response";
import { receiveClaimsUpload } from "@/lib/claims/receive-claims-upload";
import { claimsTooLarge } from "@/lib/claims/domain/upload-limits";
import { apiRoute } from "@/lib/http/api-route";
import { uploadLimitBytes, uploadLimitMb } from "@/lib/uploads/upload-limit";
import { readUploadRequest } from "@/lib/uploads/upload-request";

// POST /api/v1/claims/import — one settlement-record file, multipart/form-data
// with the field `file` (.xlsx/.csv), streamed to a temporary file under
// UPLOAD_MAX_MB. Answers with the import result (rejected rows listed, nothing
// stored when any), 413 over the limit. Signed-in 医保 clerks only.

export const POST = apiRoute(["claims.import"], async (ctx, request) => {
  const upload = await readUploadRequest(request, {
    maxBytes: uploadLimitBytes(),
    tooLarge: (bytes) => claimsTooLarge(bytes, uploadLimitMb()),
    form: { fields: "file", file: "结算记录" },
  });
  try {
    return claimsUploadResultSchema.parse(await receiveClaimsUpload(ctx, { fileName: upload.file.fileName, file: upload.file.stream }));
  } catch (err) {
    upload.discard();
    throw err;
  }
}, { sessionOnly: true });
