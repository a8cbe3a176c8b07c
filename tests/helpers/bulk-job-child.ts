// One bulk job in a process of its own, to be killed mid-work by
// tests/integration/kill-during-bulk-jobs.test.ts. Run as the CLI runs:
//   tsx --conditions=react-server tests/helpers/bulk-job-child.ts <job> '<json args>'
// with DATABASE_URL (PostgreSQL) or DATA_DIR (PGlite) and the test's keys in
// the environment. The imports go in the way an upload does (receive*Upload:
// streamed into the private upload folder, then imported), so the folder a
// killed import leaves behind is the one the server would leave.
// Prints "ready" on stdout once the database is open, the result as JSON at the end.
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { openDb } from "@/db/client";
import { dbConfigFromEnv } from "@/db/config";
import { applyResettle } from "@/lib/claims/apply-resettle";
import { receiveClaimsUpload } from "@/lib/claims/receive-claims-upload";
import { receiveEnrolmentUpload } from "@/lib/enrolment/receive-enrolment-upload";
import { createPaymentBatch } from "@/lib/applications/payments/create-payment-batch";
import { consolidateMonth } from "@/lib/rosters/consolidate-month";
import { receiveRosterUpload } from "@/lib/rosters/receive-roster-upload";
import { contextOf } from "./seeded";
import type { Scratch } from "./scratch-db";

export type BulkJob =
  | { job: "roster"; username: string; department: string; month: string; file: string }
  | { job: "consolidate"; month: string }
  | { job: "enrolment"; file: string }
  | { job: "claims"; file: string; now: string }
  | { job: "resettle"; year: string; fingerprint: string; reason: string }
  | { job: "payment"; cases: { id: string; version: number }[]; now: string };

const upload = (file: string) => ({ fileName: basename(file), file: createReadStream(file) });

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2]!) as BulkJob;
  const handle = await openDb(dbConfigFromEnv());
  const as = async (username: string, now?: string) => ({
    ...(await contextOf({ handle } as Scratch, username)),
    ...(now ? { now: () => new Date(now) } : {}),
  });
  process.stdout.write("ready\n");
  let result: unknown;
  switch (spec.job) {
    case "roster":
      result = await receiveRosterUpload(await as(spec.username), { department: spec.department, month: spec.month, ...upload(spec.file) });
      break;
    case "consolidate":
      result = await consolidateMonth(await as("yibao.clerk"), spec.month);
      break;
    case "enrolment":
      result = await receiveEnrolmentUpload(await as("yibao.clerk"), upload(spec.file));
      break;
    case "claims":
      result = await receiveClaimsUpload(await as("yibao.clerk", spec.now), { ...upload(spec.file), now: new Date(spec.now) });
      break;
    case "resettle":
      result = await applyResettle(await as("yibao.reviewer"), { year: spec.year, fingerprint: spec.fingerprint, reason: spec.reason });
      break;
    case "payment":
      result = await createPaymentBatch(await as("yibao.clerk", spec.now), { cases: spec.cases });
      break;
  }
  process.stdout.write(JSON.stringify(result) + "\n");
  await handle.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(70);
});
