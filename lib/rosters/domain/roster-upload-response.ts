import { z } from "zod";
import { rowErrorSchema } from "@/lib/tabular-import/row-error-schema";

// The answer of POST /api/v1/rosters/import, one schema for both sides: the
// route sends what passes it, the browser (send-roster.ts) parses what it got
// with it — no type declared twice and cast. Also the `result` line of the
// NDJSON progress stream.

const rowError = rowErrorSchema;

export const rosterUploadResultSchema = z.object({
  department: z.string(),
  month: z.string(),
  fileName: z.string(),
  accepted: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.array(rowError),
  alreadyImported: z.boolean(),
  truncated: z.boolean(),
});

export type RosterUploadResult = z.infer<typeof rosterUploadResultSchema>;

/** Status and body of the answer: 200 stored (or already stored), 422 rejected with a summary in `error`. */
export function rosterUploadResponse(result: RosterUploadResult): { status: number; body: Record<string, unknown> } {
  const body = rosterUploadResultSchema.parse(result);
  if (body.rejected.length === 0) return { status: 200, body };
  const error = `名单中有 ${body.rejected.length}${body.truncated ? " 处以上" : " 处"}问题，整份名单未入库，请按行号修改后重新上传`;
  return { status: 422, body: { error, ...body } };
}
