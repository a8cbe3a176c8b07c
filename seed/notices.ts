import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notices } from "@/db/schema";
import type { UseCaseContext } from "@/lib/auth/context";
import { beijingToday } from "@/lib/calendar/domain/iso-date";
import { ValidationError } from "@/lib/errors/app-error";
import { draftQuarterNotices } from "@/lib/notices/draft-quarter-notices";
import { editNoticeHeader } from "@/lib/notices/edit-notice-header";
import { getNotice } from "@/lib/notices/get-notice";
import { handleObjection } from "@/lib/notices/handle-objection";
import { publishNotice } from "@/lib/notices/publish-notice";
import { recordObjection } from "@/lib/notices/record-objection";
import { atBeijing10, demoActors, ensureDemoAccounts } from "./demo-actors";

// Demo step: 季度公示 (docs/policy.md §7) made by the townships' publishers
// through the real use cases, from the on-application demo's approved cases.
//   2026 Q3 — both townships draft on 8 October (the first working day after
//   国庆节), fill in the office phone and publish on 9 October: the windows
//   closed in mid-October, so these notices are in the staff archive only.
//   桃洪镇 received one objection by phone in the window, found unfounded.
//   2026 Q4 (the quarter of the demo's latest approvals) — drafted on the day
//   the demo is seeded; 小沙江镇 publishes its notices that day, so the public
//   page /gongshi shows them for 5 working days after any `npm start` on a new
//   database, whatever the date; 桃洪镇's stay drafts for taohong.publisher to
//   review and publish. Seeded on a day the working-day calendar does not
//   cover yet, publication is refused and the Q4 notices stay drafts.
// Runs while there is no notice.

const PUBLISHERS = [
  { username: "taohong.publisher", phone: "0739-8221001" },
  { username: "xiaoshajiang.publisher", phone: "0739-8352002" },
] as const;
const PUBLISH_TODAY = "xiaoshajiang.publisher";

export async function seedDemoNotices(db: Db, now: () => Date = () => new Date()): Promise<Record<string, number> | null> {
  const [stored] = await db.select({ n: sql<number>`count(*)::int` }).from(notices);
  if ((stored?.n ?? 0) > 0) return null;
  const usernames = PUBLISHERS.map((p) => p.username);
  await ensureDemoAccounts(db, usernames);
  const actorOf = await demoActors(db, usernames);
  const today = beijingToday(now());
  const counts = { "notices published": 0, "notice drafts": 0, "notice objections": 0 };

  for (const p of PUBLISHERS) {
    const on = (date: string): UseCaseContext => ({ db, actor: actorOf(p.username), now: atBeijing10(date) });
    const q3 = await draftQuarterNotices(on("2026-10-08"), { year: 2026, quarter: 3 });
    for (const n of q3.notices) {
      await fillHeader(on("2026-10-08"), n.id, p.phone);
      await publishNotice(on("2026-10-09"), n.id, { version: (await getNotice(on("2026-10-09"), n.id)).version });
      counts["notices published"] += 1;
    }
    const first = q3.notices[0];
    if (p.username === "taohong.publisher" && first) {
      const detail = await getNotice(on("2026-10-12"), first.id);
      const row = detail.rows[0];
      const { id } = await recordObjection(on("2026-10-12"), first.id, {
        applicationId: row?.applicationId ?? "",
        content: "来电反映该户家中有人在外务工、收入较高，不应享受医疗救助。",
        receivedOn: "2026-10-12",
        channel: "phone",
      });
      await handleObjection(on("2026-10-14"), id, { outcome: "dismissed", reason: "经村委会入户核实，该户外出务工人员已单独立户，家庭人均收入低于认定标准，异议不成立。" });
      counts["notice objections"] += 1;
    }

    if (today < "2026-10-09") continue;
    const q4 = await draftQuarterNotices(on(today), { year: 2026, quarter: 4 });
    for (const n of q4.notices) {
      await fillHeader(on(today), n.id, p.phone);
      if (p.username !== PUBLISH_TODAY) {
        counts["notice drafts"] += 1;
        continue;
      }
      try {
        await publishNotice(on(today), n.id, { version: (await getNotice(on(today), n.id)).version });
        counts["notices published"] += 1;
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        counts["notice drafts"] += 1;
      }
    }
  }
  return counts["notices published"] + counts["notice drafts"] > 0 ? counts : null;
}

async function fillHeader(ctx: UseCaseContext, id: string, phone: string) {
  const notice = await getNotice(ctx, id);
  await editNoticeHeader(ctx, id, {
    version: notice.version,
    issuer: notice.issuer,
    contactPhone: phone,
    objectionChannel: notice.objectionChannel,
    objectionTo: notice.objectionTo,
  });
}
