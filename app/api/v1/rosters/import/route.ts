import { apiError, apiRoute } from "@/lib/http/api-route";
import { ValidationError } from "@/lib/errors/app-error";
import { receiveRosterUpload, UploadTooLargeError } from "@/lib/rosters/receive-roster-upload";
import { MAX_UPLOAD_BYTES, tooLargeMessage } from "@/lib/rosters/upload-limits";
import { readMultipartUpload } from "./multipart";
import { progressResponse } from "./progress-stream";

// POST /api/v1/rosters/import — a department's monthly list.
//   multipart/form-data: department (civil_affairs | rural_revitalization |
//   veterans | disability, the caller's own), month (YYYY-MM), file (.xlsx/.csv).
// Answers with the CLI contract's JSON (`roster import`) plus the department,
// month, file name, alreadyImported and truncated: 200 when stored (or already
// stored), 422 when any row is rejected (nothing stored; `rejected` lists every
// problem by row, column and reason), 413 over the size limit, 4xx with
// { error, field } for a bad field or a refusal. With
// `Accept: application/x-ndjson` the same result arrives as the last line of
// a progress stream (progress-stream.ts).

export const POST = apiRoute(["rosters.upload"], async (ctx, request) => {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data"))
    throw new ValidationError("file", "请以 multipart/form-data 上传，字段依次为 department、month、file");
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES + 64 * 1024) return apiError(413, tooLargeMessage(declared), "file");
  if (!request.body) throw new ValidationError("file", "没有收到文件：请在 file 字段中上传名单（.xlsx 或 .csv）");

  const upload = await readMultipartUpload(request.body, contentType);
  const { department = "", month = "" } = upload.fields;
  const run = async (onProgress?: (fraction: number) => void) => {
    try {
      const result = await receiveRosterUpload(ctx, { department, month, fileName: upload.file.fileName, file: upload.file.stream, onProgress });
      if (result.rejected.length === 0) return { status: 200, body: result };
      const error = `名单中有 ${result.rejected.length}${result.truncated ? " 处以上" : " 处"}问题，整份名单未入库，请按行号修改后重新上传`;
      return { status: 422, body: { error, ...result } };
    } catch (err) {
      upload.discard();
      if (err instanceof UploadTooLargeError) return { status: 413, body: { error: err.message, field: "file" } };
      throw err;
    }
  };
  if ((request.headers.get("accept") ?? "").includes("application/x-ndjson")) return progressResponse(run);
  const { status, body } = await run();
  return Response.json(body, { status });
});
