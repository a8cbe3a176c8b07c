import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { refreshPasswordDate } from "@/db/queries/password-history";
import { auditLog, users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/domain/password";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, PREVIOUS_DEMO_PASSWORD } from "@/lib/demo/demo-accounts";

/**
 * At every start of a demo database: the demo accounts that still hold the
 * published demo password have it dated today, so the demo (and the e2e
 * specs) are never sent to the change page by the 90-day expiry — that
 * password is in the README for anyone to read, so its age protects nothing;
 * a real deployment disables these accounts. A demo account whose password
 * someone changed ages like any other. Accounts still on the earlier demo
 * password, which the policy now calls well-known, are moved to the current
 * one (audited).
 */
export async function refreshDemoPasswords(db: Db): Promise<Record<string, number> | null> {
  const names = DEMO_ACCOUNTS.map((a) => a.username);
  const rows = await db
    .select({ id: users.id, hash: users.passwordHash, must: users.mustChangePassword })
    .from(users)
    .where(inArray(users.username, names));
  const byHash = new Map<string, string[]>();
  for (const r of rows.filter((r) => !r.must)) byHash.set(r.hash, [...(byHash.get(r.hash) ?? []), r.id]);
  let moved = 0;
  let newHash: string | null = null;
  for (const [hash, ids] of byHash) {
    if (await verifyPassword(DEMO_PASSWORD, hash)) {
      await refreshPasswordDate(db, ids, hash);
    } else if (await verifyPassword(PREVIOUS_DEMO_PASSWORD, hash)) {
      newHash ??= await hashPassword(DEMO_PASSWORD);
      const hashNow = newHash;
      await db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash: hashNow }).where(inArray(users.id, ids));
        await refreshPasswordDate(tx, ids, hashNow);
        await tx.insert(auditLog).values({ action: "system.demo_password", outcome: "success", detail: { accounts: ids.length, reason: "演示账号的旧演示密码已列入常见密码，改为当前演示密码" } });
      });
      moved += ids.length;
    }
  }
  return moved ? { "demo accounts moved to the new demo password": moved } : null;
}
