import "server-only";
import { z } from "zod";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { ValidationError } from "@/lib/errors/app-error";
import { writeErrorReport } from "@/lib/tabular-import/error-report";
import { ROSTER_COLUMNS } from "./domain/columns";
import { MAX_ERRORS } from "./import-roster";

// The problems of a rejected upload as a file to download. Nothing of a
// rejected file is stored (all or nothing), so the browser sends the list it
// was shown back here; the server only formats it — every cell goes through
// the export helpers, so a reason quoting "=HYPERLINK(…)" stays inert text.

const problems = z
  .array(z.object({ row: z.number().int().min(0).max(10_000_000), column: z.string().max(100), reason: z.string().max(2000) }))
  .min(1)
  .max(MAX_ERRORS);

const request = z.object({ format: z.enum(["xlsx", "csv"]), errors: problems, fileName: z.string().max(200).optional() });

export async function buildErrorReport(ctx: UseCaseContext, input: unknown): Promise<{ fileName: string; body: Buffer; contentType: string }> {
  await requirePermission(ctx, "rosters.upload", { objectType: "roster_error_report" });
  const parsed = request.safeParse(input);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "errors");
    const message =
      field === "format"
        ? "format 应为 xlsx 或 csv"
        : `errors 应为 1 至 ${MAX_ERRORS} 条 { row, column, reason }（行号、列、问题）`;
    throw new ValidationError(field, message);
  }
  const { format, errors, fileName } = parsed.data;
  // eslint-disable-next-line no-control-regex -- control characters are what is being removed
  const base = (fileName ?? "名单").replace(/\.[^.]+$/, "").replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").slice(0, 80);
  return {
    fileName: `${base}-问题清单.${format}`,
    body: await writeErrorReport(errors, format, ROSTER_COLUMNS),
    contentType: format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
  };
}
