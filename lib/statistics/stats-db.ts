import type { Db } from "@/db";
import { readHandleFor } from "@/db/read-replica";
import type { UseCaseContext } from "@/lib/auth/context";

/**
 * The database the dashboard and report queries read: the streaming read
 * replica when DATABASE_READ_URL is set (PostgreSQL only; docs/scaling.md),
 * else the primary. Every statistics use case reads through this, never
 * ctx.db directly, so that the switch is one place. Inside a transaction
 * (ctx.db a Tx) it stays on the primary, which has the transaction's writes.
 * The replica may lag the primary by its replay delay: figures, not
 * read-your-own-write pages, belong here.
 */
export function statsDb(ctx: UseCaseContext): Db {
  return readHandleFor(ctx.db);
}
