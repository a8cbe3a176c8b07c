import { z } from "zod";
import { rowErrorSchema } from "@/lib/tabular-import/row-error-schema";

// The answer of POST /api/v1/enrolment/import, one schema for both sides: the
// route sends what passes it, the upload form parses what it got with it.

export const enrolmentUploadResultSchema = z.object({
  fileName: z.string(),
  year: z.number().int().nullable(),
  rows: z.number().int(),
  enrolled: z.number().int(),
  alreadyEnrolled: z.number().int(),
  notKnown: z.number().int(),
  subsidies: z.object({ computed: z.number().int(), notComputed: z.record(z.string(), z.number().int()) }),
  casesClosed: z.number().int(),
  rejected: z.array(rowErrorSchema),
  alreadyImported: z.boolean(),
  truncated: z.boolean(),
});

export type EnrolmentUploadResult = z.infer<typeof enrolmentUploadResultSchema>;
