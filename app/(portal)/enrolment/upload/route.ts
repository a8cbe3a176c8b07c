import type { NextRequest } from "next/server";
import { apiError, apiRoute } from "@/lib/http/api-route";
import { receiveEnrolmentUpload } from "@/lib/enrolment/receive-enrolment-upload";

// POST /enrolment/upload — the enrolment file as the raw request body (its
// name in X-File-Name, URI-encoded; its size in X-File-Size), streamed to a
// temporary file; answers with the import result as JSON.
export const POST = apiRoute([], async (ctx, request: NextRequest) => {
  if (!request.body) return apiError(400, "请选择要导入的参保缴费数据文件（.xlsx 或 .csv）", "file");
  const fileName = decodeName(request.headers.get("x-file-name") ?? "");
  if (fileName === null) return apiError(400, "文件名无法识别，请重命名文件后再上传", "file");
  const size = Number(request.headers.get("x-file-size"));
  return receiveEnrolmentUpload(ctx, {
    fileName,
    declaredBytes: Number.isSafeInteger(size) && size >= 0 ? size : null,
    file: request.body as unknown as AsyncIterable<Uint8Array>,
  });
});

function decodeName(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
