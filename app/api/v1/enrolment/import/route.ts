import { enrolmentUploadResultSchema } from "@/lib/enrolment/domain/enrolment-upload-response";
import { receiveEnrolmentUpload } from "@/lib/enrolment/receive-enrolment-upload";
import { enrolmentTooLarge } from "@/lib/enrolment/domain/upload-limits";
import { apiRoute } from "@/lib/http/api-route";
import { uploadLimitBytes, uploadLimitMb } from "@/lib/uploads/upload-limit";
import { readUploadRequest } from "@/lib/uploads/upload-request";

// POST /api/v1/enrolment/import — one enrolment file (参保缴费数据),
// multipart/form-data with the field `file` (.xlsx/.csv), streamed to a
// temporary file under UPLOAD_MAX_MB. Answers with the import result (rejected
// rows listed, nothing stored when any), 413 over the limit. Signed-in 医保
// clerks only.

export const POST = apiRoute(["enrolment.manage"], async (ctx, request) => {
  const upload = await readUploadRequest(request, {
    maxBytes: uploadLimitBytes(),
    tooLarge: (bytes) => enrolmentTooLarge(bytes, uploadLimitMb()),
    form: { fields: "file", file: "参保缴费数据" },
  });
  try {
    return enrolmentUploadResultSchema.parse(await receiveEnrolmentUpload(ctx, { fileName: upload.file.fileName, file: upload.file.stream }));
  } catch (err) {
    upload.discard();
    throw err;
  }
}, { sessionOnly: true });
