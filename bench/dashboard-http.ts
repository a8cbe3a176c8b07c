import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { issueApiToken } from "@/lib/api-tokens/issue-api-token";
import type { UseCaseContext } from "@/lib/auth/context";
import { loadActiveUser } from "@/lib/auth/resolve-session-user";
import { setupDatabase } from "@/seed/setup-database";
import { scratchPostgres } from "./lib/bench-database";

// `npm run bench -- dashboard-http [--connections C] [--seconds S]`: the
// built app (`next start`, the production server) on a free loopback port —
// never 3100, which e2e uses — over a scratch PostgreSQL database with the
// demo seed (the demo county's 3,000 residents; the data's scale is the
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
  const seconds = Math.min(120, arg("--seconds", 30));
  const keys = {
    PORTAL_DATA_KEY: process.env.PORTAL_DATA_KEY || randomBytes(32).toString("base64"),
    PORTAL_INDEX_KEY: process.env.PORTAL_INDEX_KEY || randomBytes(32).toString("base64"),
  };
  Object.assign(process.env, keys);
  const log = (line: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);

  const db = await scratchPostgres("dashboard_http");
  let server: ChildProcess | null = null;
  const serverLog = path.join(tmpdir(), `bench-dashboard-http-${process.pid}.log`);
  try {
    log("seeding the demo county");
    await setupDatabase(db.handle);
    const admin = await contextOf(db.handle.db, "admin");
    const [manager] = await db.handle.db.select().from(users).where(eq(users.username, "yibao.manager"));
    const { token } = await issueApiToken(admin, { name: "压测（bench dashboard-http）", userId: manager!.id, actions: ["stats.view"] });
    await db.handle.close();

    const port = await freePort();
    if (port === 3100) throw new Error("port 3100 is e2e's");
    log(`starting the built app on 127.0.0.1:${port} under the build lock (server log: ${serverLog})`);
    const out = createWriteStream(serverLog);
    server = spawn("flock", ["/tmp/portal-build.lock", "sh", "-c", `node scripts/build.mjs --if-needed && exec npx next start -H 127.0.0.1 -p ${port}`], {
      cwd: process.cwd(),
      detached: true, // its own process group: stopped as a whole below
      env: {
        ...process.env,
        ...keys,
        DATABASE_URL: db.url,
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        AUTH_TRUST_HOST: "true",
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
        // The bench measures the route, not the rate limit (50 connections on one token
        // are far over API_RATE_PER_MINUTE's default; lib/http/rate-limit.ts).
        API_RATE_PER_MINUTE: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.pipe(out);
    server.stderr!.pipe(out);
    const url = `http://127.0.0.1:${port}/api/v1/stats/coverage`;
    const auth = { authorization: `Bearer ${token}` };
    await waitFor(url, auth, server, 900);
    log("server answers; warming up");
    for (let i = 0; i < 20; i++) await fetch(url, { headers: auth }).then((r) => r.arrayBuffer());

    log("floor: the same route without a token (401), 10 s");
    const floor = await load(url, {}, connections, 10, 401);
    log(`load: ${connections} connections for ${seconds} s with the token`);
    const real = await load(url, auth, connections, seconds, 200);

    const row = (label: string, r: Load) =>
      `| ${label} | ${r.requests.toLocaleString("en")} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(0)} ms | ${r.p95.toFixed(0)} ms | ${r.p99.toFixed(0)} ms | ${r.unexpected} | ${r.errors} | ${r.timeouts} |`;
    console.log(`\ndashboard-http bench, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, next start on loopback, demo seed on PostgreSQL`);
    console.log("\n| run | requests | requests/s | p50 | p95 | p99 | unexpected status | errors | timeouts |\n|---|---|---|---|---|---|---|---|---|");
    console.log(row(`floor: no token → 401, ${connections} conn, 10 s`, floor));
    console.log(row(`GET /api/v1/stats/coverage with token, ${connections} conn, ${seconds} s`, real));
    const ok = real.errors === 0 && real.timeouts === 0 && real.unexpected === 0 && real.p95 < 300;
    console.log(`\ntarget (no errors, p95 < 300 ms): ${ok ? "met" : "not met"}`);
  } finally {
    if (server?.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
      await new Promise((r) => setTimeout(r, 1500));
    }
    await db.drop().catch(() => db.keep());
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

async function waitFor(url: string, headers: Record<string, string>, server: ChildProcess, seconds: number): Promise<void> {
  for (let i = 0; i < seconds; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}); see its log`);
    try {
      const r = await fetch(url, { headers });
      if (r.status === 200) return;
      if (r.status !== 404 && r.status < 500) throw new Error(`unexpected ${r.status}: ${await r.text()}`);
    } catch (err) {
      if (err instanceof Error && err.message.startsWith("unexpected")) throw err;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the server did not answer within ${seconds} s`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function contextOf(db: Db, username: string): Promise<UseCaseContext> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  const user = row ? await loadActiveUser(db, { uid: row.id, sv: row.sessionVersion }) : null;
  if (!user) throw new Error(`${username} is not an active user`);
  return { db, actor: { kind: "user", user, ip: null, userAgent: "bench" } };
}
