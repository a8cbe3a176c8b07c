import { expect, test } from "@playwright/test";
import {
  beijingToday,
  caseIdsParam,
  checkWrites,
  mixUsers,
  runSoak,
  SCENE_PEOPLE_SQL,
  SCENE_VILLAGES_SQL,
  soakTable,
  statusCount,
  STORED_WRITES_SQL,
  TOWNSHIP_OF_CLERK,
  type StoredCase,
} from "../bench/lib/soak-users";
import { e2eSql } from "./helpers/db";
import { DEMO_PASSWORD } from "./helpers/login";

// The short soak (issue 14): `npm run bench -- soak`'s users (bench/lib/soak-users.ts)
// — 10 of them, every one a signed-in session or an anonymous visitor, no
// browser — for 20 s against the e2e server: no answer may be a 5xx or
// missing, and every write the server acknowledged (受理, 开始审核, 入户调查) must
// be in the database afterwards. No timings: those are the benchmark's
// (docs/benchmarks.md). The e2e server keeps its rate limits, so a 429 may
// come (a 4xx, and a refused write is not acknowledged); the login's shared
// bucket has room for the nine sign-ins.

test("10 users for 20 s: no 5xx, every acknowledged write found in the database", async ({ baseURL }) => {
  test.setTimeout(60_000);
  const sql = e2eSql();
  try {
    const people: Record<string, string[]> = {};
    for (const [clerk, prefix] of Object.entries(TOWNSHIP_OF_CLERK)) people[clerk] = (await sql.unsafe<{ id: string }[]>(SCENE_PEOPLE_SQL, [`${prefix}%`])).map((r) => r.id);
    const today = beijingToday();
    const villages = (await sql.unsafe<{ code: string }[]>(SCENE_VILLAGES_SQL, [today])).map((r) => r.code);

    const result = await runSoak({ baseUrl: baseURL!, users: mixUsers(10, { password: DEMO_PASSWORD, people }), villages, today, seconds: 20 });
    console.log(soakTable(result));

    expect(result.failures, "requests without an answer").toEqual([]);
    expect(result.serverErrors, "5xx answers").toEqual([]);
    expect(statusCount(result, (s) => s >= 500)).toBe(0);
    expect(result.writes.length, "no write was acknowledged").toBeGreaterThan(0);
    const stored = await sql.unsafe<StoredCase[]>(STORED_WRITES_SQL, [caseIdsParam(result.writes)]);
    const writes = checkWrites(result.writes, stored);
    expect(writes.missing, `${writes.found} of ${writes.acknowledged} acknowledged writes found`).toEqual([]);
  } finally {
    await sql.end();
  }
});
