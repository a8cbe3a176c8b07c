import "server-only";
import { z } from "zod";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { ValidationError } from "@/lib/errors/app-error";
import { writeErrorReport } from "@/lib/tabular-import/error-report";
import { ENROLMENT_COLUMNS } from "./domain/columns";
import { MAX_ENROLMENT_ERRORS } from "./import-enrolment";

// The problems of a rejected enrolment file as an .xlsx to download. Nothing of
// a rejected file is stored, so the browser sends back the list it was shown;
// the server only formats it, every cell through the export helpers (a reason
// quoting "=HYPERLINK(…)" stays inert text).

const request = z.object({
  errors: z
    .array(z.object({ row: z.number().int().min(0).max(100_000_000), column: z.string().max(100), reason: z.string().max(2000) }))
    .min(1)
    .max(MAX_ENROLMENT_ERRORS),
  fileName: z.string().max(200).optional(),
});

export async function buildEnrolmentErrorReport(ctx: UseCaseContext, input: unknown): Promise<{ fileName: string; body: Buffer }> {
  await requirePermission(ctx, "enrolment.manage", { objectType: "enrolment_error_report" });
  const parsed = request.safeParse(input);
  if (!parsed.success) throw new ValidationError("errors", `errors 应为 1 至 ${MAX_ENROLMENT_ERRORS} 条 { row, column, reason }（行号、列、问题）`);
  // eslint-disable-next-line no-control-regex
  const base = (parsed.data.fileName ?? "参保缴费数据").replace(/\.[^.]+$/, "").replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").slice(0, 80);
  return { fileName: `${base}-问题清单.xlsx`, body: await writeErrorReport(parsed.data.errors, "xlsx", ENROLMENT_COLUMNS) };
}
