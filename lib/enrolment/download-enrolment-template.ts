import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { enrolmentTemplate } from "./domain/template";

/** The template of the enrolment file, for those who import it. */
export async function downloadEnrolmentTemplate(ctx: UseCaseContext): Promise<{ fileName: string; body: Buffer }> {
  await requirePermission(ctx, "enrolment.manage");
  return { fileName: "参保缴费数据模板.xlsx", body: await enrolmentTemplate() };
}
