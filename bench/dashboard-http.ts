import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { issueApiToken } from "@/lib/api-tokens/issue-api-token";
import { freshDemoDatabase } from "./lib/demo-database";
import { contextOf, freePort, serverCpuSeconds, startBuiltApp, waitFor, type ServedApp } from "./lib/served-app";
import { benchDataKeys } from "./lib/bench-database";

// `npm run bench -- dashboard-http [--connections C] [--seconds S] [--db postgres|pglite] [--port P]`:
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
    log(`starting the built app on 127.0.0.1:${port} under the build lock (server log: ${serverLog})`);
    server = await startBuiltApp({
      port,
      logFile: serverLog,
      env: {
        ...keys,
        ...db.serverEnv,
        // The bench measures the route, not the rate limit (50 connections on one token
        // are far over API_RATE_PER_MINUTE's default; lib/http/rate-limit.ts).
        API_RATE_PER_MINUTE: "0",
      },
    });
    const url = `http://127.0.0.1:${port}/api/v1/stats/coverage`;
    const auth = { authorization: `Bearer ${token}` };
    await waitFor(url, auth, server.process, 900);
    log("server answers; warming up");
    for (let i = 0; i < 20; i++) await fetch(url, { headers: auth }).then((r) => r.arrayBuffer());

    log("floor: the same route without a token (401), 10 s");
    const cpu0 = serverCpuSeconds(server.pid);
    const floor = await load(url, {}, connections, 10, 401);
    const cpu1 = serverCpuSeconds(server.pid);
    log(`load: ${connections} connections for ${seconds} s with the token`);
    const real = await load(url, auth, connections, seconds, 200);
    const cpu2 = serverCpuSeconds(server.pid);

    // The server's CPU per request: what the other sessions' load on the shared cores moves least.
    const row = (label: string, r: Load, cpuS: number) =>
      `| ${label} | ${r.requests.toLocaleString("en")} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(0)} ms | ${r.p95.toFixed(0)} ms | ${r.p99.toFixed(0)} ms | ${((cpuS * 1000) / Math.max(1, r.requests)).toFixed(1)} ms | ${r.unexpected} | ${r.errors} | ${r.timeouts} |`;
    console.log(`\ndashboard-http bench, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, next start on loopback, demo seed on ${driver}, load ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
    console.log("\n| run | requests | requests/s | p50 | p95 | p99 | server CPU a request | unexpected status | errors | timeouts |\n|---|---|---|---|---|---|---|---|---|---|");
    console.log(row(`floor: no token → 401, ${connections} conn, 10 s`, floor, cpu1 - cpu0));
    console.log(row(`GET /api/v1/stats/coverage with token, ${connections} conn, ${seconds} s`, real, cpu2 - cpu1));
    const ok = real.errors === 0 && real.timeouts === 0 && real.unexpected === 0 && real.p95 < 300;
    console.log(`\ntarget (no errors, p95 < 300 ms): ${ok ? "met" : "not met"}`);
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
