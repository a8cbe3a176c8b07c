import { z } from "zod";
import { rowErrorSchema } from "@/lib/tabular-import/row-error-schema";

// The answer of POST /api/v1/claims/import, one schema for both sides: the
// route sends what passes it, the import form parses what it got with it.

export const claimsUploadResultSchema = z.object({
  fileName: z.string(),
  rows: z.number().int(),
  added: z.number().int(),
  unchanged: z.number().int(),
  corrected: z.number().int(),
  /** The rows that corrected a stored claim of the same 结算流水号, with each changed column (old → new). */
  correctedRows: z.array(
    z.object({
      row: z.number().int(),
      externalId: z.string(),
      changes: z.array(z.object({ column: z.string(), from: z.string(), to: z.string() })),
    }),
  ),
  settled: z.number().int(),
  resettled: z.number().int(),
  rejected: z.array(rowErrorSchema),
  truncated: z.boolean(),
});

export type ClaimsUploadResult = z.infer<typeof claimsUploadResultSchema>;
