import "server-only";
import { findApplicationForWorkflow, sealedContactOf } from "@/db/queries/applications";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { idCrypto } from "@/lib/crypto/data-keys";
import { NotFoundError, ValidationError } from "@/lib/errors/app-error";
import { normalizeBankAccount } from "../domain/intake-input";
import { runTransition } from "../run-transition";

// 更正银行账户: after the bank returned a line, the township clerk of the case's
// township enters the new 户名 / 开户行 / 账号 (holder and number sealed, the last
// four digits kept for the masked display); the case is approved again and
// waits for the next batch. The returned line stays in its batch as history
// (the one-live-line index ignores failed lines, so a new line is allowed).

export type BankDetailsInput = { version?: unknown; bankHolder?: unknown; bankName?: unknown; bankAccount?: unknown };

function required(value: unknown, field: string, what: string, max: number): string {
  const text = typeof value === "string" ? value.trim() : "";
  if (!text) throw new ValidationError(field, `请填写${what}`);
  if ([...text].length > max) throw new ValidationError(field, `${what}不能超过 ${max} 个字`);
  return text;
}

export async function correctBankDetails(ctx: UseCaseContext, applicationId: unknown, input: BankDetailsInput) {
  const id = typeof applicationId === "string" ? applicationId : "";
  await requirePermission(ctx, "applications.intake", { objectType: "application", objectId: id.slice(0, 36) });
  const holder = required(input.bankHolder, "bankHolder", "银行户名", 50);
  const bankName = required(input.bankName, "bankName", "开户行", 100);
  const account = normalizeBankAccount(input.bankAccount);

  const row = /^[0-9a-f-]{36}$/i.test(id) ? await findApplicationForWorkflow(ctx.db, id) : null;
  if (!row) throw new NotFoundError("找不到该申请，可能链接有误。");
  await requireWithin(ctx, row.townshipCode, "applications.intake", { objectType: "application", objectId: id });
  const keys = idCrypto();
  const old = await sealedContactOf(ctx.db, id);
  if (old?.bankAccountSealed && old.bankHolderSealed && keys.open(old.bankAccountSealed) === account && keys.open(old.bankHolderSealed) === holder) {
    throw new ValidationError("bankAccount", "户名和账号与被银行退回的账户相同，请核对后填写正确的账户");
  }
  return runTransition(ctx, {
    applicationId: id,
    version: input.version,
    command: { action: "correct_bank_details" },
    permission: "applications.intake",
    // The audit and transition rows say that the account changed, never to what.
    reason: "已更正银行账户",
    patch: () => ({ bankHolderSealed: keys.seal(holder), bankName, bankAccountSealed: keys.seal(account), bankAccountTail: account.slice(-4), bankAccountHead: account.slice(0, 4) }),
  });
}
