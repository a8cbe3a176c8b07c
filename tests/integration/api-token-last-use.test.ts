import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { apiTokens, users } from "@/db/schema";
import { issueApiToken } from "@/lib/api-tokens/issue-api-token";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { actorFromToken } from "@/lib/auth/token-actor";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// An API token's last use is recorded to the minute, as a session's is
// (lib/auth/token-actor.ts): the soak (bench/soak.ts) found every call of a
// token updating the token's one row, so the calls of a case system's workers
// queued on its lock. The first call records it, calls within the minute leave
// the row alone, a call after it records again; a disabled account's token
// still stops at once.

describe.each(drivers())("API token last use on %s", (driver) => {
  let s: Scratch;
  let token = "";
  let tokenId = 0;
  const lastUsed = async () => (await s.handle.db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, tokenId)))[0]!.at;
  const who = { ip: null, userAgent: "vitest" };

  beforeAll(async () => {
    s = await seededDb(driver);
    const admin = await contextOf(s, "admin");
    const account = (await listApiTokens(admin)).accounts.find((a) => a.username === "yibao.manager")!;
    const issued = await issueApiToken(admin, { name: "测试 最近使用", userId: account.id, actions: ["stats.view"] });
    token = issued.token;
    tokenId = issued.id;
  }, 300_000);
  afterAll(async () => {
    await s?.drop();
  });

  it("the first call records the use; 30 calls within the minute leave the row as it is", async () => {
    expect(await lastUsed()).toBeNull();
    expect((await actorFromToken(s.handle.db, token, who))?.actor.user.username).toBe("yibao.manager");
    const first = await lastUsed();
    expect(first).not.toBeNull();
    const found = await Promise.all(Array.from({ length: 30 }, () => actorFromToken(s.handle.db, token, who)));
    expect(found.every((f) => f?.actor.user.username === "yibao.manager")).toBe(true);
    expect((await lastUsed())!.getTime()).toBe(first!.getTime());
  });

  it("a call more than a minute after the recorded use records it again", async () => {
    await s.handle.raw.query("update api_tokens set last_used_at = now() - interval '2 minutes' where id = $1", [tokenId]);
    const before = (await lastUsed())!.getTime();
    await actorFromToken(s.handle.db, token, who);
    expect((await lastUsed())!.getTime()).toBeGreaterThan(before + 60_000);
  });

  it("the token of a disabled account stops at once", async () => {
    await s.handle.db.update(users).set({ status: "disabled" }).where(eq(users.username, "yibao.manager"));
    expect(await actorFromToken(s.handle.db, token, who)).toBeNull();
    await s.handle.db.update(users).set({ status: "active" }).where(eq(users.username, "yibao.manager"));
    expect(await actorFromToken(s.handle.db, token, who)).not.toBeNull();
  });
});
