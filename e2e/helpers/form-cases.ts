// Test-only setup for e2e/application-forms.spec.ts, run with
// `tsx --conditions=react-server` against the e2e database (DATABASE_URL):
// takes one demo case under county review to 已审批 and into a payment batch
// through the real use cases (approveApplication, createPaymentBatch) as the
// demo reviewer and payment clerk, and prints the ids the spec prints forms of.
import { eq } from "drizzle-orm";
import { openDb } from "@/db/client";
import { users } from "@/db/schema";
import { approveApplication } from "@/lib/applications/approve-application";
import { createPaymentBatch } from "@/lib/applications/payments/create-payment-batch";
import type { UseCaseContext } from "@/lib/auth/context";
import { loadActiveUser } from "@/lib/auth/resolve-session-user";

async function main() {
  const handle = await openDb({ kind: "postgres", url: process.env.DATABASE_URL! });
  const { db, raw } = handle;
  const ctxOf = async (username: string): Promise<UseCaseContext> => {
    const [row] = await db.select().from(users).where(eq(users.username, username));
    const user = await loadActiveUser(db, { uid: row!.id, sv: row!.sessionVersion });
    return { db, actor: { kind: "user", user: user!, ip: "127.0.0.1", userAgent: "e2e-setup" } };
  };
  const reviewer = await ctxOf("yibao.reviewer");
  const clerk = await ctxOf("yibao.clerk");
  const q = async (sql: string, params: unknown[] = []) => (await raw.query<{ id: string; version: number }>(sql, params))[0] ?? null;
  let approved = await q("select id, version from applications where state = 'approved' order by case_no limit 1");
  if (!approved) {
    const candidates = await raw.query<{ id: string; version: number }>(
      `select a.id, a.version from applications a where a.state = 'county_review' and not a.joint_meeting
         and not exists (select 1 from application_documents d where d.application_id = a.id and d.status = 'missing') order by a.case_no`,
    );
    for (const c of candidates) {
      try {
        await approveApplication(reviewer, c.id, { version: c.version });
        approved = await q("select id, version from applications where id = $1", [c.id]);
        break;
      } catch (err) {
        // A case whose amount is nil or whose policy refuses: try the next one.
        console.error(`[form-cases] ${c.id}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  if (!approved) {
    // No demo case can be approved through the use case (its claims are not ticked): mark one approved by SQL,
    // test-only, so that the batch itself still goes through createPaymentBatch and its state machine.
    const c = await q("select id, version from applications where state = 'county_review' and bank_account_sealed is not null order by case_no limit 1");
    if (c) {
      await raw.query(
        `update applications set state = 'approved', computed_amount = 3456.78, approved_amount = 3456.78, approved_on = current_date,
           clock_step = 'payment', clock_started_on = current_date, clock_used_before = 0, clock_paused_on = null, due_on = current_date + 14, version = version + 1
         where id = $1`,
        [c.id],
      );
      approved = await q("select id, version from applications where id = $1", [c.id]);
    }
  }
  // A batch the demo seed made already, else one of the case approved here; none when no demo case can be approved
  // (e.g. a seed whose county-review cases have no claims ticked): the spec then skips the batch list.
  const seeded = (await raw.query<{ id: number }>("select id from payment_batches order by id limit 1"))[0];
  const batchId = seeded ? seeded.id : approved ? (await createPaymentBatch(clerk, { cases: [{ id: approved.id, version: approved.version }] })).id : null;
  const fallback = await q("select id, version from applications where state in ('county_review', 'forwarded') order by case_no limit 1");
  const refused = await q("select id, version from applications where state = 'refused' order by case_no limit 1");
  const surveyed = await q("select a.id, a.version from applications a join household_surveys s on s.application_id = a.id where a.state in ('county_review', 'forwarded') order by a.case_no limit 1");
  process.stdout.write(JSON.stringify({ approvedId: (approved ?? fallback)!.id, batchId, refusedId: refused?.id, surveyedId: surveyed?.id }));
  await handle.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
