import { z } from "zod";
import { rowErrorSchema } from "@/lib/tabular-import/row-error-schema";

// The answer of POST /api/v1/claims/import, one schema for both sides: the
// route sends what passes it, the import form parses what it got with it.

export const claimsUploadResultSchema = z.object({
  fileName: z.string(),
  rows: z.number().int(),
  added: z.number().int(),
  unchanged: z.number().int(),
  settled: z.number().int(),
  resettled: z.number().int(),
  rejected: z.array(rowErrorSchema),
  truncated: z.boolean(),
});

export type ClaimsUploadResult = z.infer<typeof claimsUploadResultSchema>;
