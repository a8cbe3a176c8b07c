import { insertAudit } from "@/db/queries/audit";
import { replaceRecoveryCodes } from "@/db/queries/second-factor";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import { ForbiddenError } from "@/lib/errors/app-error";
import type { UseCaseContext } from "./context";
import { hashRecoveryCode, newRecoveryCodes } from "./domain/second-factor";
import { proveCurrentCode } from "./prove-second-factor";

/** Ten new recovery codes for a current code; the old ones stop working. Returned once to be shown; only hashes kept. Audited. */
export async function regenerateRecoveryCodes(ctx: UseCaseContext, code: unknown): Promise<string[]> {
  if (ctx.actor.kind !== "user") throw new ForbiddenError();
  const user = ctx.actor.user;
  await proveCurrentCode(ctx, code, "auth.recovery_codes");
  const codes = newRecoveryCodes();
  await inTransaction(ctx.db, async (tx) => {
    await replaceRecoveryCodes(tx, user.id, codes.map((c) => hashRecoveryCode(c)));
    await insertAudit(tx, auditRow(ctx.actor, { action: "auth.recovery_codes", objectType: "user", objectId: user.id, detail: { recoveryCodes: codes.length } }));
  });
  return codes;
}
