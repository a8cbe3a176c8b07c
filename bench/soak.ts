import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import type { DbHandle } from "@/db/client";
import { issueApiToken } from "@/lib/api-tokens/issue-api-token";
import type { ApiTokenAction } from "@/lib/api-tokens/domain/token-actions";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { DEMO_PASSWORD } from "@/lib/demo/demo-accounts";
import { benchDataKeys } from "./lib/bench-database";
import { freshDemoDatabase } from "./lib/demo-database";
import { contextOf, cpuShares, serverCpuByProcess, serverCpuSeconds, serverRssMb, startBuiltApp, waitFor, type ServedApp } from "./lib/served-app";
import {
  beijingToday,
  caseIdsParam,
  checkWrites,
  mixUsers,
  percentile,
  runSoak,
  SCENE_PEOPLE_SQL,
  SCENE_VILLAGES_SQL,
  soakTable,
  STORED_WRITES_SQL,
  PROBE_PATH,
  statusCount,
  TOWNSHIP_OF_CLERK,
  type StoredCase,
} from "./lib/soak-users";

// `npm run bench -- soak [--users 50] [--seconds 300] [--db postgres|pglite] [--port 3251] [--probe] [--workers 1,2]`
// (issue 14, reliability): the built app (`next start`, bench/lib/served-app.ts,
// under the build lock) on 127.0.0.1 over a freshly seeded demo county — a
// scratch PostgreSQL database on BENCH_DATABASE_URL / TEST_DATABASE_URL's
// server, or a new PGlite folder — and N simulated users with no think time
// (bench/lib/soak-users.ts): township clerks (half by API token, half by a
// signed-in session) reading their queue and cases and writing (受理, 开始审核,
// 入户调查), the county reviewer's queue, the manager's statistics figures and
// monthly report, signed-in portal pages (people, applications, notices,
// statistics) and anonymous /gongshi pages. Users of one account share its
// token, as the workers of one case system would.
//
// The rate limits are off for the run (API_RATE_PER_MINUTE=0,
// LOGIN_RATE_PER_MINUTE=0, PUBLIC_RATE_PER_MINUTE=1000000): the soak measures
// the server, not lib/http/rate-limit.ts, which would answer most of it 429.
//
// Prints per kind and overall: requests, requests/s, p50/p95/p99 and the
// statuses; beside it, in the same run, the floor: N users on the stats route
// without credentials (401) for 15 s. The server's RSS every 5 s (start, max,
// end and the slope of a least-squares line, over the run and over its second
// half); after the server stopped, every acknowledged write looked up in the
// database. Targets: zero 5xx, every write found, RSS with no steady growth,
// p95 under 300 ms.
//
// --probe (seconds default 30): the outside probe's measurement instead of the
// mix — N clients on ONE read API, GET /api/v1/applications?state=all (the
// county's applications list, 50 rows) with the county reviewer's API token,
// no think time; the same floor beside it. Target (issue 14): p95 under 300 ms.
//
// --workers 1,2: the whole run (floor, load, checks) once per process count,
// one after the other over the same database: one server process as `npm
// start` runs it, then N on the port as `WEB_CONCURRENCY=N npm start` does on
// PostgreSQL (scripts/cluster.mjs). Default 1,2 for --probe on PostgreSQL, 1
// for the mix and on PGlite.

export default async function soakBench(args: string[]) {
  const arg = (name: string, dflt: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1]! : dflt;
  };
  const userCount = Number(arg("--users", "50"));
  const probe = args.includes("--probe");
  const seconds = Number(arg("--seconds", probe ? "30" : "300"));
  const driver = arg("--db", "postgres");
  const port = Number(arg("--port", "3251"));
  // One server process (`npm start`) and N on the port (scripts/cluster.mjs, `WEB_CONCURRENCY=N npm start`, PostgreSQL only),
  // each measured in turn over the same database; default 1,2 for the probe on PostgreSQL, 1 otherwise.
  const workerCounts = arg("--workers", probe && driver === "postgres" ? "1,2" : "1").split(",").map(Number);
  if (workerCounts.some((w) => !Number.isInteger(w) || w < 1)) throw new Error("--workers is a list of process counts, e.g. 1,2");
  if (driver !== "postgres" && workerCounts.some((w) => w > 1)) throw new Error("several server processes need PostgreSQL (PGlite admits one process)");
  const keys = benchDataKeys();
  const log = (line: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);

  log(`seeding the demo county on ${driver}`);
  const db = await freshDemoDatabase(driver, "soak");
  const seedHandle = db.handle;
  let server: ServedApp | null = null;
  const serverLog = path.join(tmpdir(), `bench-soak-${process.pid}.log`);
  try {
    const admin = await contextOf(seedHandle.db, "admin");
    const accounts = (await listApiTokens(admin)).accounts;
    const issue = async (username: string, actions: ApiTokenAction[]) => {
      const account = accounts.find((a) => a.username === username)!;
      return (await issueApiToken(admin, { name: `压测（bench soak）${username}`, userId: account.id, actions })).token;
    };
    const tokens: Record<string, string> = {};
    for (const clerk of ["taohong.clerk", "xiaoshajiang.clerk", "jinshiqiao.clerk", "simenqian.clerk"]) tokens[clerk] = await issue(clerk, ["applications.view", "applications.intake"]);
    tokens["yibao.reviewer"] = await issue("yibao.reviewer", ["applications.view"]);
    tokens["yibao.manager"] = await issue("yibao.manager", ["stats.view"]);
    const scene = await sceneOf(seedHandle);
    await seedHandle.close();

    for (const workers of workerCounts) {
      const runLog = serverLog.replace(/\.log$/, `-${workers}.log`);
      log(`starting the built app on 127.0.0.1:${port} as ${workers} process${workers > 1 ? "es" : ""} under the build lock (server log: ${runLog})`);
      server = await startBuiltApp({
        port,
        logFile: runLog,
        workers,
        env: {
          ...keys,
          ...db.serverEnv,
          API_RATE_PER_MINUTE: "0",
          LOGIN_RATE_PER_MINUTE: "0",
          PUBLIC_RATE_PER_MINUTE: "1000000",
        },
      });
      const baseUrl = `http://127.0.0.1:${port}`;
      await waitFor(`${baseUrl}/api/v1/stats/coverage`, { authorization: `Bearer ${tokens["yibao.manager"]}` }, server.process, 900);
      log("server answers; warming up (every kind of request, 20 s)");
      const mix = mixUsers(userCount, { password: DEMO_PASSWORD, tokens, people: scene.people });
      // With several workers the 10 users' connections are handed to each in turn: every worker warms up.
      await runSoak({ baseUrl, users: mix.slice(0, 10), villages: scene.villages, today: scene.today, seconds: 20 });
      const users = probe
        ? Array.from({ length: userCount }, (_, i) => ({ name: `probe-${i}`, role: "probe" as const, auth: { kind: "token" as const, token: tokens["yibao.reviewer"]! } }))
        : mix;

      log(`floor: ${userCount} users on the stats route without credentials (401), 15 s`);
      const floorCpu = serverCpuSeconds(server.pid);
      const floor = await runSoak({ baseUrl, users: users.map((u) => ({ ...u, role: "floor" as const, auth: { kind: "anonymous" as const } })), villages: [], today: scene.today, seconds: 15 });
      const floorCpuS = serverCpuSeconds(server.pid) - floorCpu;

      log(probe ? `probe: ${userCount} clients on ${PROBE_PATH} for ${seconds} s` : `soak: ${userCount} users for ${seconds} s`);
      const rss: { t: number; mb: number }[] = [];
      const started = Date.now();
      const sample = () => {
        const mb = serverRssMb(server!.pid);
        if (mb !== null) rss.push({ t: (Date.now() - started) / 1000, mb });
      };
      sample();
      const sampler = setInterval(sample, 5000);
      const loadBefore = loadAverage();
      const runCpu = serverCpuSeconds(server.pid);
      const perProcess = serverCpuByProcess(server.pid);
      const result = await runSoak({ baseUrl, users, villages: scene.villages, today: scene.today, seconds });
      const runCpuS = serverCpuSeconds(server.pid) - runCpu;
      const shares = cpuShares(perProcess, serverCpuByProcess(server.pid));
      clearInterval(sampler);
      sample();
      await server.stop();
      server = null;

      log("verifying the acknowledged writes in the database");
      const check = await db.reopen();
      let stored: StoredCase[] = [];
      try {
        stored = result.writes.length ? await check.raw.query<StoredCase>(STORED_WRITES_SQL, [caseIdsParam(result.writes)]) : [];
      } finally {
        await check.close();
      }
      const writes = checkWrites(result.writes, stored);

      const when = new Date().toISOString().slice(0, 16).replace("T", " ");
      const fiveXx = statusCount(result, (s) => s >= 500);
      const fourXx = statusCount(result, (s) => s >= 400 && s < 500);
      const all = [...result.kinds.values()].flatMap((k) => k.times).sort((a, b) => a - b);
      const floorTimes = [...floor.kinds.values()].flatMap((k) => k.times).sort((a, b) => a - b);
      const what = probe ? `probe: ${userCount} clients on one read API (GET ${PROBE_PATH}, API token)` : `${userCount} users`;
      const processes = workers > 1 ? `${workers} server processes (scripts/cluster.mjs)` : "one server process (next start)";
      console.log(`\nsoak bench, ${when} UTC, ${processes} on 127.0.0.1, ${cpus().length} cores, demo seed on ${driver}, ${what}, ${seconds} s, no think time, rate limits off, load before ${loadBefore}, after ${loadAverage()}`);
      console.log(`\n${soakTable(result)}`);
      console.log(`\nfloor (same run, ${userCount} users, no credentials → 401, 15 s):\n\n${soakTable(floor, "floor")}`);
      console.log(`\nrequests: ${all.length.toLocaleString("en")} (${(all.length / seconds).toFixed(1)}/s); 4xx: ${fourXx}; 5xx: ${fiveXx}; no answer: ${result.failures.length}`);
      for (const e of result.serverErrors.slice(0, 5)) console.log(`  5xx ${e.status} ${e.kind}: ${e.body}`);
      for (const f of result.failures.slice(0, 5)) console.log(`  no answer ${f.kind}: ${f.message}`);
      const mbs = rss.map((r) => r.mb);
      const second = rss.filter((r) => r.t >= seconds / 2);
      console.log(
        `server RSS (every 5 s, ${rss.length} samples): start ${mbs[0]?.toFixed(0)} MB, max ${Math.max(...mbs).toFixed(0)} MB, end ${mbs.at(-1)?.toFixed(0)} MB; ` +
          `slope ${slopePerMinute(rss).toFixed(2)} MB/min over the run, ${slopePerMinute(second).toFixed(2)} MB/min over its second half`,
      );
      // The path, not only its ends: a heap that grows to its working size and stays there flattens
      // out tenth by tenth; a leak keeps climbing in the last tenths as in the first.
      console.log(`server RSS at each tenth of the run: ${rssByTenth(rss, seconds).map((mb) => mb.toFixed(0)).join(", ")} MB`);
      console.log(`writes acknowledged: ${writes.acknowledged}, found in the database: ${writes.found}${writes.missing.length ? ` — MISSING: ${JSON.stringify(writes.missing.slice(0, 5))}` : ""}`);
      const p95 = percentile(all, 95);
      console.log(`overall p95 ${p95.toFixed(0)} ms (floor p95 ${percentile(floorTimes, 95).toFixed(0)} ms)`);
      // CPU per request: what the shared machine's load moves least (p95 is the queue in front of one busy thread).
      console.log(
        `server CPU: ${runCpuS.toFixed(1)} s over the run, ${((runCpuS * 1000) / Math.max(1, all.length)).toFixed(1)} ms a request; ` +
          `floor ${((floorCpuS * 1000) / Math.max(1, floorTimes.length)).toFixed(1)} ms a request (${floorCpuS.toFixed(1)} s); by process over the run: ${shares}`,
      );
      const ok = fiveXx === 0 && result.failures.length === 0 && writes.missing.length === 0;
      console.log(`\ntargets (${workers} process${workers > 1 ? "es" : ""}): zero 5xx and every write found: ${ok ? "met" : "NOT met"}; p95 < 300 ms: ${p95 < 300 ? "met" : "not met"}`);
    }
  } finally {
    await server?.stop();
    await db.remove();
  }
}

/** The people of each township clerk's township (for intake), the villages /gongshi lists, today in Beijing. */
async function sceneOf(handle: DbHandle) {
  const people: Record<string, string[]> = {};
  for (const [clerk, prefix] of Object.entries(TOWNSHIP_OF_CLERK)) {
    people[clerk] = (await handle.raw.query<{ id: string }>(SCENE_PEOPLE_SQL, [`${prefix}%`])).map((r) => r.id);
    if (people[clerk].length === 0) throw new Error(`no people in township ${prefix}`);
  }
  const today = beijingToday();
  const villages = (await handle.raw.query<{ code: string }>(SCENE_VILLAGES_SQL, [today])).map((r) => r.code);
  return { people, villages, today };
}

function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
}

/** Least-squares slope of RSS against time, in MB per minute. */
/** The last sample at or before each tenth of the run (10 values). */
function rssByTenth(points: { t: number; mb: number }[], seconds: number): number[] {
  return Array.from({ length: 10 }, (_, i) => {
    const until = ((i + 1) * seconds) / 10;
    return points.filter((p) => p.t <= until).at(-1)?.mb ?? Number.NaN;
  });
}

function slopePerMinute(points: { t: number; mb: number }[]): number {
  if (points.length < 2) return NaN;
  const n = points.length;
  const mt = points.reduce((a, p) => a + p.t, 0) / n;
  const mm = points.reduce((a, p) => a + p.mb, 0) / n;
  const num = points.reduce((a, p) => a + (p.t - mt) * (p.mb - mm), 0);
  const den = points.reduce((a, p) => a + (p.t - mt) ** 2, 0);
  return den === 0 ? 0 : (num / den) * 60;
}
