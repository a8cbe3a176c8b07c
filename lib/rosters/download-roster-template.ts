import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { DEPARTMENT_NAMES, ROSTER_DEPARTMENTS } from "@/lib/departments/departments";
import { ForbiddenError } from "@/lib/errors/app-error";
import { rosterTemplate } from "./domain/template";

/** The .xlsx template for the clerk's own department (its categories in the example and the instructions). */
export async function downloadRosterTemplate(ctx: UseCaseContext): Promise<{ fileName: string; body: Buffer }> {
  await requirePermission(ctx, "rosters.upload", { objectType: "roster_template" });
  const department = ROSTER_DEPARTMENTS.find((d) => d === ctx.actor.user.department);
  if (!department) throw new ForbiddenError();
  return { fileName: `${DEPARTMENT_NAMES[department]}月度名单模板.xlsx`, body: await rosterTemplate(department) };
}
