// Test-only setup for e2e/public-notices.spec.ts, run with
// `tsx --conditions=react-server` against the e2e database (DATABASE_URL).
// The demo seed (seed/notices.ts) publishes closed notices, one in its window
// today and leaves a draft; when a database lacks one of these, it is made here
// through the real use cases (draftQuarterNotices, editNoticeHeader,
// publishNotice) as the township's publisher — a closed one published on
// 9 October 2026, an in-window one published today. Prints the ids.
import { and, eq } from "drizzle-orm";
import { openDb, type Db } from "@/db/client";
import { users } from "@/db/schema";
import type { UseCaseContext } from "@/lib/auth/context";
import { loadActiveUser } from "@/lib/auth/resolve-session-user";
import { beijingToday } from "@/lib/calendar/domain/iso-date";
import { draftQuarterNotices } from "@/lib/notices/draft-quarter-notices";
import { editNoticeHeader } from "@/lib/notices/edit-notice-header";
import { getNotice } from "@/lib/notices/get-notice";
import { publishNotice } from "@/lib/notices/publish-notice";
import { quarterOf } from "@/lib/notices/domain/quarter";

const atBeijing10 = (on: string) => () => new Date(`${on}T02:00:00Z`);

async function publisherCtx(db: Db, on: string): Promise<UseCaseContext> {
  const [row] = await db.select().from(users).where(and(eq(users.username, "taohong.publisher"), eq(users.status, "active")));
  const user = await loadActiveUser(db, { uid: row!.id, sv: row!.sessionVersion });
  return { db, actor: { kind: "user", user: user!, ip: "127.0.0.1", userAgent: "e2e-setup" }, now: atBeijing10(on) };
}

/** Drafts the quarter (idempotent) and publishes its first draft on the given day; the notice's id, or null. */
async function publishOne(db: Db, year: number, quarter: number, draftOn: string, publishOn: string): Promise<string | null> {
  const drafted = await draftQuarterNotices(await publisherCtx(db, draftOn), { year, quarter });
  const ctx = await publisherCtx(db, publishOn);
  for (const d of drafted.notices) {
    const n = await getNotice(ctx, d.id);
    if (n.status !== "draft") continue;
    const edited = await editNoticeHeader(ctx, d.id, { version: n.version, issuer: n.issuer, contactPhone: n.contactPhone ?? "0739-8221001", objectionChannel: n.objectionChannel, objectionTo: n.objectionTo });
    await publishNotice(ctx, d.id, { version: edited.version });
    return d.id;
  }
  return null;
}

async function main() {
  const handle = await openDb({ kind: "postgres", url: process.env.DATABASE_URL! });
  const { db } = handle;
  const { raw } = handle;
  const today = beijingToday(new Date());
  const find = async (where: string) =>
    (await raw.query<{ id: string }>(`select id from notices where ${where} order by township_code, village_code, created_at limit 1`, [today]))[0]?.id ?? null;
  const inWindowSql = "status = 'published' and window_start <= $1::date and window_end >= $1::date";
  const closedSql = "status = 'published' and window_end < $1::date";
  const made: string[] = [];

  if (!(await find(closedSql))) {
    if (await publishOne(db, 2026, 3, "2026-10-08", "2026-10-09")) made.push("closed 2026 Q3");
  }
  if (!(await find(inWindowSql))) {
    const { year, quarter } = quarterOf(today);
    if (await publishOne(db, year, quarter, today, today)) made.push(`in window ${year} Q${quarter}`);
  }
  const result = { today, inWindowId: await find(inWindowSql), closedId: await find(closedSql), draftId: await find("status = 'draft' and $1::date is not null"), made };
  process.stdout.write(JSON.stringify(result));
  await handle.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
