import "server-only";
import { findCurrentDivision } from "@/db/queries/divisions";
import type { UseCaseContext } from "@/lib/auth/context";
import { isWithin } from "@/lib/divisions/domain/division-code";
import { ValidationError } from "@/lib/errors/app-error";
import type { UpdateUserInput } from "./domain/user-input";

/** An administrator may only place users inside their own jurisdiction, on a division that exists. */
export async function assertAssignable(ctx: UseCaseContext, input: Pick<UpdateUserInput, "jurisdiction" | "department">) {
  if (!isWithin(input.jurisdiction, ctx.actor.user.jurisdiction))
    throw new ValidationError("jurisdiction", "只能在本人管辖范围内分配管辖区划");
  if (!(await findCurrentDivision(ctx.db, input.jurisdiction)))
    throw new ValidationError("jurisdiction", "该区划代码不存在或已撤销，请从区划列表中选择");
}
