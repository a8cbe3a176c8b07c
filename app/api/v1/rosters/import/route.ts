import { apiRoute } from "@/lib/http/api-route";
import { progressResponse } from "@/lib/http/progress-response";
import { receiveRosterUpload } from "@/lib/rosters/receive-roster-upload";
import { rosterUploadResponse } from "@/lib/rosters/domain/roster-upload-response";
import { tooLargeMessage } from "@/lib/rosters/domain/upload-limits";
import { uploadLimitBytes, uploadLimitMb } from "@/lib/uploads/upload-limit";
import { readUploadRequest } from "@/lib/uploads/upload-request";

// POST /api/v1/rosters/import — a department's monthly list.
//   multipart/form-data: department (civil_affairs | rural_revitalization |
//   veterans | disability, the caller's own), month (YYYY-MM), file (.xlsx/.csv).
// Answers with the CLI contract's JSON (`roster import`) plus the department,
// month, file name, alreadyImported and truncated: 200 when stored (or already
// stored), 422 when any row is rejected (nothing stored; `rejected` lists every
// problem by row, column and reason), 413 over the size limit (UPLOAD_MAX_MB),
// 4xx with { error, field } for a bad field or a refusal. With
// `Accept: application/x-ndjson` the same result arrives as the last line of
// a progress stream (lib/http/progress-response.ts).

export const POST = apiRoute(["rosters.upload"], async (ctx, request) => {
  const upload = await readUploadRequest(request, {
    maxBytes: uploadLimitBytes(),
    tooLarge: (bytes) => tooLargeMessage(bytes, uploadLimitMb()),
    form: { fields: "department、month、file", file: "名单" },
  });
  const { department = "", month = "" } = upload.fields;
  const run = async (onProgress?: (fraction: number) => void) => {
    try {
      const result = await receiveRosterUpload(ctx, { department, month, fileName: upload.file.fileName, file: upload.file.stream, onProgress });
      return rosterUploadResponse(result);
    } catch (err) {
      upload.discard();
      throw err;
    }
  };
  if ((request.headers.get("accept") ?? "").includes("application/x-ndjson")) return progressResponse(run);
  const { status, body } = await run();
  return Response.json(body, { status });
});
