import "server-only";
import { recentPasswordHashes } from "@/db/queries/password-history";
import type { Db } from "@/db";
import { ValidationError } from "@/lib/errors/app-error";
import { verifyPassword } from "./domain/password";
import { PASSWORD_HISTORY_DEPTH } from "./domain/password-policy";

/** Refuses a new password that is the current one or one of the earlier ones, the last five in all (bcrypt comparisons, ~0.1 s each). */
export async function refuseRecentPassword(db: Db, userId: string, plain: string, field: string): Promise<void> {
  for (const hash of await recentPasswordHashes(db, userId, PASSWORD_HISTORY_DEPTH)) {
    if (await verifyPassword(plain, hash))
      throw new ValidationError(field, `新密码不能与最近 ${PASSWORD_HISTORY_DEPTH} 次使用过的密码相同，请换一个从未用过的密码`);
  }
}
