import "server-only";
import { z } from "zod";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { ValidationError } from "@/lib/errors/app-error";
import { writeErrorReport } from "@/lib/tabular-import/error-report";
import { CLAIM_COLUMNS } from "./domain/claim-columns";
import { MAX_ERRORS } from "./read-claim-entries";

// The problems of a rejected import as a file. Nothing of a rejected file is
// stored, so the browser sends back the list it was shown; the server only
// formats it (as a formula-safe sheet) for a user who may import.

const input = z.object({
  format: z.enum(["xlsx", "csv"]),
  errors: z
    .array(z.object({ row: z.number().int().min(1), column: z.string().max(50), reason: z.string().max(500) }))
    .min(1)
    .max(MAX_ERRORS),
});

export async function getClaimsErrorFile(ctx: UseCaseContext, raw: unknown): Promise<{ fileName: string; body: Buffer }> {
  await requirePermission(ctx, "claims.import");
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw new ValidationError("errors", "问题清单格式不正确，请重新导入文件后再下载");
  const { format, errors } = parsed.data;
  return { fileName: `结算记录问题清单.${format}`, body: await writeErrorReport(errors, format, CLAIM_COLUMNS) };
}
