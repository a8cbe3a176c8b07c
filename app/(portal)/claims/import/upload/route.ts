import { randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { NextRequest } from "next/server";
import { importClaims } from "@/lib/claims/import-claims";
import { apiError, apiRoute } from "@/lib/http/api-route";
import { UPLOAD_FILE_MODE, withUploadDir } from "@/lib/uploads/upload-temp";
import { CLAIMS_FILE_TOO_LARGE, MAX_CLAIMS_FILE_BYTES } from "../limits";

// POST /claims/import/upload — one settlement-record file (multipart field
// "file"); answers with the import result as JSON. The upload is written to a
// private temporary folder and removed afterwards, whatever happens.

export const POST = apiRoute([], async (ctx, request: NextRequest) => {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_CLAIMS_FILE_BYTES + 64 * 1024) return apiError(413, CLAIMS_FILE_TOO_LARGE, "file");
  let file: FormDataEntryValue | null;
  try {
    file = (await request.formData()).get("file");
  } catch {
    return apiError(400, "没有收到完整的文件，请重新选择文件后再导入", "file");
  }
  if (!(file instanceof File) || file.size === 0) return apiError(400, "请选择要导入的结算记录文件（.xlsx 或 .csv）", "file");
  if (file.size > MAX_CLAIMS_FILE_BYTES) return apiError(413, CLAIMS_FILE_TOO_LARGE, "file");
  const fileName = (file.name.split(/[\\/]/).pop() || "结算记录").slice(0, 200);
  return withUploadDir("claims", async (dir) => {
    const ext = /\.(xlsx|csv|txt)$/i.exec(fileName)?.[0] ?? "";
    const path = join(dir, `${randomUUID()}${ext}`);
    await writeFile(path, Buffer.from(await file.arrayBuffer()), { mode: UPLOAD_FILE_MODE });
    return await importClaims(ctx, { path, fileName });
  });
});
