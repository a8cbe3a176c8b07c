import "server-only";
import { getDb } from "@/db";
import type { Db } from "@/db/client";

/**
 * The context of the public pages (/gongshi, no login): the database and no
 * actor. Only listPublicNotices takes it — the one anonymous use case, which
 * reads the frozen, masked snapshot of notices in their window and nothing
 * else. Every other page goes through requireContext().
 */
export async function publicContext(): Promise<{ db: Db }> {
  return { db: await getDb() };
}
