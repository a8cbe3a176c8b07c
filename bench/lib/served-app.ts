import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, readdirSync, readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { UseCaseContext } from "@/lib/auth/context";
import { loadActiveUser } from "@/lib/auth/resolve-session-user";

// The built app (`next start`, the production server) on loopback for the
// HTTP benchmarks (dashboard-http, soak). It is started inside
// `flock /tmp/portal-build.lock` (built first if the sources changed,
// scripts/build.mjs --if-needed), so no other session rebuilds .next under it
// while it serves; the lock is released when it stops. Never on 3100, e2e's.

export type ServedApp = {
  port: number;
  /** The server's process group (flock, sh, next; with several workers the cluster's primary and its workers). */
  pid: number;
  process: ChildProcess;
  stop: () => Promise<void>;
};

/**
 * `env`: the database (DATABASE_URL, or DATA_DIR with DATABASE_URL empty for
 * PGlite), the keys and the limits; AUTH_SECRET, NODE_ENV and the telemetry
 * switch are set here.
 */
export async function startBuiltApp(opts: { port: number; env: Record<string, string>; logFile: string; workers?: number }): Promise<ServedApp> {
  if (opts.port === 3100) throw new Error("port 3100 is e2e's");
  const workers = opts.workers ?? 1;
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`workers must be a positive integer (got ${workers})`);
  if (workers > 1 && !opts.env.DATABASE_URL) throw new Error("several server processes need PostgreSQL (PGlite admits one process)");
  const out = createWriteStream(opts.logFile);
  // BENCH_SERVER_CPU_PROF=<folder>: the server writes a V8 CPU profile there when it stops (where the time goes);
  // with several workers each writes its own (they inherit the primary's --cpu-prof).
  const profile = process.env.BENCH_SERVER_CPU_PROF;
  const node = profile ? `node --cpu-prof --cpu-prof-dir=${profile}` : "node";
  // One process: Next's own CLI, as `npm start` runs it. Several: scripts/cluster.mjs, as `WEB_CONCURRENCY=N npm start` does.
  const next = workers > 1 ? `${node} scripts/cluster.mjs ${workers}` : `${node} node_modules/next/dist/bin/next`;
  const server = spawn(
    "flock",
    ["/tmp/portal-build.lock", "sh", "-c", `node scripts/build.mjs --if-needed && exec ${next} start -H 127.0.0.1 -p ${opts.port}`],
    {
      cwd: process.cwd(),
      detached: true, // its own process group: stopped as a whole below
      env: {
        ...process.env,
        AUTH_SECRET: randomSecret(),
        AUTH_TRUST_HOST: "true",
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
        ...opts.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  server.stdout!.pipe(out);
  server.stderr!.pipe(out);
  const pid = server.pid!;
  return {
    port: opts.port,
    pid,
    process: server,
    stop: async () => {
      try {
        process.kill(-pid, "SIGTERM");
      } catch {
        /* already gone */
      }
      for (let i = 0; i < 40 && server.exitCode === null && server.signalCode === null; i++) await new Promise((r) => setTimeout(r, 250));
      await new Promise((r) => setTimeout(r, 500));
    },
  };
}

function randomSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** Polls `url` until it answers 200 (404 and 5xx while Next boots are retried). */
export async function waitFor(url: string, headers: Record<string, string>, server: ChildProcess, seconds: number): Promise<void> {
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

export { freePort } from "@/tests/helpers/free-port";

/** Resident memory (MB) of the largest process in the group `pgid`: the Next server, or its largest worker (Linux /proc). */
export function serverRssMb(pgid: number): number | null {
  let best: number | null = null;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command's closing parenthesis: state ppid pgrp … (rss is field 24, in pages).
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const mb = (Number(fields[21]) * 4096) / 1024 / 1024;
      if (best === null || mb > best) best = mb;
    } catch {
      /* the process ended meanwhile */
    }
  }
  return best;
}

/**
 * CPU seconds (user + system) used so far by the processes of the group
 * `pgid` (the Next server, or all its workers; flock and sh are idle): read before and after a
 * load, the difference over the requests answered is the server's CPU per
 * request — a figure the other sessions' load on the shared cores moves far
 * less than the response times (Linux /proc, clock ticks of 1/100 s).
 */
export function serverCpuSeconds(pgid: number): number {
  return [...serverCpuByProcess(pgid).values()].reduce((a, b) => a + b, 0);
}

/** The same per process of the group (pid → CPU seconds): with several workers, how the work was shared. */
export function serverCpuByProcess(pgid: number): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      byPid.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      /* the process ended meanwhile */
    }
  }
  return byPid;
}

/** "pid a: x s, pid b: y s" of the processes that used CPU between two readings of serverCpuByProcess. */
export function cpuShares(before: Map<number, number>, after: Map<number, number>): string {
  return [...after]
    .map(([pid, s]) => [pid, s - (before.get(pid) ?? 0)] as const)
    .filter(([, s]) => s >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([pid, s]) => `pid ${pid}: ${s.toFixed(1)} s`)
    .join(", ");
}

/** A use-case context of a demo account, for setting the scene before the server starts (tokens). */
export async function contextOf(db: Db, username: string): Promise<UseCaseContext> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  const user = row ? await loadActiveUser(db, { uid: row.id, sv: row.sessionVersion }) : null;
  if (!user) throw new Error(`${username} is not an active user`);
  return { db, actor: { kind: "user", user, ip: null, userAgent: "bench" } };
}
