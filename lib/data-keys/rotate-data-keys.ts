import "server-only";
import type { DbHandle } from "@/db/client";
import { resealApplicationContacts, resealIdNumbers, resealTotpSecrets, type ResealResult } from "@/db/id-at-rest";
import { insertAudit } from "@/db/queries/audit";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { resealAttachmentFiles } from "@/lib/applications/attachments/attachment-store";
import { idCrypto } from "@/lib/crypto/data-keys";

export type RotationResult = ResealResult & { applications: number; attachments: number; secondFactors: number };

/**
 * `keys rotate`: every sealed ID number and application contact column brought
 * to the current PORTAL_DATA_KEY (opened with PORTAL_DATA_KEY_OLD where
 * needed), every TOTP secret of the second factor, every attachment file re-sealed with it (the attachments folder of
 * this machine: ATTACHMENTS_DIR / DATA_DIR) and every blind index recomputed, then one audit row saying that a
 * rotation happened, to which key id, and how many rows it renewed — a key
 * change is exactly what an auditor asks about (等保: 密钥管理). No permission
 * check beyond the command line itself: whoever runs it already holds the
 * database and the keys. The rewrite runs in batches, not one transaction (a
 * row is either old-and-readable or new), so the audit row comes after it and
 * is written only when the rotation finished.
 */
export async function rotateDataKeys(ctx: UseCaseContext, handle: DbHandle): Promise<RotationResult> {
  const ids = await resealIdNumbers(handle);
  const applications = await resealApplicationContacts(handle);
  const attachments = await resealAttachmentFiles();
  const secondFactors = await resealTotpSecrets(handle);
  const result = { ...ids, applications, attachments, secondFactors };
  await insertAudit(
    ctx.db,
    auditRow(ctx.actor, { action: "keys.rotate", objectType: "data_key", objectId: idCrypto().current.id, detail: { ...result } }),
  );
  return result;
}
