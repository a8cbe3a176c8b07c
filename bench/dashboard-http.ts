import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { issueApiToken } from "@/lib/api-tokens/issue-api-token";
import { freshDemoDatabase } from "./lib/demo-database";
import { contextOf, cpuShares, freePort, serverCpuByProcess, serverCpuSeconds, startBuiltApp, waitFor, type ServedApp } from "./lib/served-app";
import { benchDataKeys } from "./lib/bench-database";

// `npm run bench -- dashboard-http [--connections C] [--seconds S] [--db postgres|pglite] [--port P] [--workers 1,2]`:
// the built app (`next start`, the production server) on a free loopback port
// (or P) — never 3100, which e2e uses — over a scratch PostgreSQL database, or
// a new PGlite folder, with the demo seed (bench/lib/demo-database.ts) (the demo county's 3,000 residents; the data's scale is the
// dashboard bench's business), and autocannon on loopback: C (default 50)
// connections for S (default 30) seconds against
//   GET /api/v1/stats/coverage   with yibao.manager's API token (stats.view): the county's
//   CoverageFigure (getCoverageFigure) for the default period, this year to today,
// beside, in the same run, the same route without a token for 10 s (the 401
// path: Next, routing and the wrapper, no token look-up, no query) as the
// server's own floor. Prints requests/s, p50/p95/p99 and errors.
// Target (issue 12): no errors, p95 under 300 ms.
//
// --workers: the server as one process (`npm start`) and as N processes on the
// port (scripts/cluster.mjs, `WEB_CONCURRENCY=N npm start`, PostgreSQL only),
// each measured in turn over the same database, floor included; default 1,2
// on PostgreSQL (both figures printed), 1 on PGlite.
//
// The server is started inside `flock /tmp/portal-build.lock` (built first
// if the sources changed, scripts/build.mjs --if-needed), so no other session
// rebuilds .next under it while it serves; the lock is released when it stops.

export default async function dashboardHttpBench(args: string[]) {
  const arg = (name: string, dflt: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : dflt;
  };
  const connections = arg("--connections", 50);
  const driverAt = args.indexOf("--db");
  const driver = driverAt >= 0 ? args[driverAt + 1]! : "postgres";
  const seconds = Math.min(120, arg("--seconds", 30));
  const workersAt = args.indexOf("--workers");
  const workerCounts = (workersAt >= 0 ? args[workersAt + 1]! : driver === "postgres" ? "1,2" : "1").split(",").map(Number);
  if (workerCounts.some((w) => !Number.isInteger(w) || w < 1)) throw new Error("--workers is a list of process counts, e.g. 1,2");
  if (driver !== "postgres" && workerCounts.some((w) => w > 1)) throw new Error("several server processes need PostgreSQL (PGlite admits one process)");
  const keys = benchDataKeys();
  const log = (line: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);

  log(`seeding the demo county on ${driver}`);
  const db = await freshDemoDatabase(driver, "dashboard_http");
  let server: ServedApp | null = null;
  const serverLog = path.join(tmpdir(), `bench-dashboard-http-${process.pid}.log`);
  try {
    const admin = await contextOf(db.handle.db, "admin");
    const [manager] = await db.handle.db.select().from(users).where(eq(users.username, "yibao.manager"));
    const { token } = await issueApiToken(admin, { name: "压测（bench dashboard-http）", userId: manager!.id, actions: ["stats.view"] });
    await db.handle.close();

    const port = args.includes("--port") ? arg("--port", 0) : await freePort();
    const url = `http://127.0.0.1:${port}/api/v1/stats/coverage`;
    const auth = { authorization: `Bearer ${token}` };
    const tables: string[] = [];
    for (const workers of workerCounts) {
      log(`starting the built app on 127.0.0.1:${port} as ${workers} process${workers > 1 ? "es" : ""} under the build lock (server log: ${serverLog.replace(/\.log$/, `-${workers}.log`)})`);
      server = await startBuiltApp({
        port,
        logFile: serverLog.replace(/\.log$/, `-${workers}.log`),
        workers,
        env: {
          ...keys,
          ...db.serverEnv,
          // The bench measures the route, not the rate limit (50 connections on one token
          // are far over API_RATE_PER_MINUTE's default; lib/http/rate-limit.ts).
          API_RATE_PER_MINUTE: "0",
        },
      });
      await waitFor(url, auth, server.process, 900);
      // Warm-up: the same load for 5 s, whatever the process count, so that each worker's JIT has
      // compiled the route before it is measured (the connections are handed to the workers in turn).
      log("server answers; warming up (the load, 5 s)");
      await load(url, auth, connections, 5, 200);

      log("floor: the same route without a token (401), 10 s");
      const cpu0 = serverCpuSeconds(server.pid);
      const floor = await load(url, {}, connections, 10, 401);
      const cpu1 = serverCpuSeconds(server.pid);
      log(`load: ${connections} connections for ${seconds} s with the token`);
      const loadBefore = loadavg();
      const perProcess = serverCpuByProcess(server.pid);
      const real = await load(url, auth, connections, seconds, 200);
      const cpu2 = serverCpuSeconds(server.pid);
      const shares = cpuShares(perProcess, serverCpuByProcess(server.pid));
      await server.stop();
      server = null;

      // The server's CPU per request: what the other sessions' load on the shared cores moves least.
      const row = (label: string, r: Load, cpuS: number) =>
        `| ${label} | ${r.requests.toLocaleString("en")} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(0)} ms | ${r.p95.toFixed(0)} ms | ${r.p99.toFixed(0)} ms | ${((cpuS * 1000) / Math.max(1, r.requests)).toFixed(1)} ms | ${r.unexpected} | ${r.errors} | ${r.timeouts} |`;
      const ok = real.errors === 0 && real.timeouts === 0 && real.unexpected === 0 && real.p95 < 300;
      tables.push(
        [
          `\n**${workers} server process${workers > 1 ? "es (scripts/cluster.mjs)" : " (next start)"}**, load before the run ${loadBefore.map((l) => l.toFixed(2)).join(" ")}, after ${loadavg().map((l) => l.toFixed(2)).join(" ")}`,
          "\n| run | requests | requests/s | p50 | p95 | p99 | server CPU a request | unexpected status | errors | timeouts |\n|---|---|---|---|---|---|---|---|---|---|",
          row(`floor: no token → 401, ${connections} conn, 10 s`, floor, cpu1 - cpu0),
          row(`GET /api/v1/stats/coverage with token, ${connections} conn, ${seconds} s`, real, cpu2 - cpu1),
          `\nserver CPU by process over the load: ${shares}`,
          `\ntarget (no errors, p95 < 300 ms) with ${workers} process${workers > 1 ? "es" : ""}: ${ok ? "met" : "not met"}`,
        ].join("\n"),
      );
    }
    console.log(`\ndashboard-http bench, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, next start on loopback, demo seed on ${driver}, ${cpus().length} cores`);
    for (const t of tables) console.log(t);
  } finally {
    await server?.stop();
    await db.remove();
  }
}

type Load = { requests: number; rps: number; p50: number; p95: number; p99: number; unexpected: number; errors: number; timeouts: number };

/** One autocannon run; the percentiles from every response's own time (autocannon's summary has no p95). */
async function load(url: string, headers: Record<string, string>, connections: number, duration: number, expected: number): Promise<Load> {
  const times: number[] = [];
  let unexpected = 0;
  const instance = autocannon({ url, headers, connections, duration, timeout: 10 });
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    times.push(ms);
    if (status !== expected) unexpected++;
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  const q = (p: number) => (times.length ? times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]! : NaN);
  return { requests: times.length, rps: times.length / duration, p50: q(50), p95: q(95), p99: q(99), unexpected, errors: result.errors, timeouts: result.timeouts };
}
