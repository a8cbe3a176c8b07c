// Several `next start` processes on one port (node:cluster), for PostgreSQL
// only: `WEB_CONCURRENCY=2 npm start` with DATABASE_URL set (scripts/start.mjs),
// or `node scripts/cluster.mjs <workers> start -p <port> …` directly (the HTTP
// benchmarks). One Node process runs the app's JavaScript on one core; with
// more processes the machine's other cores serve requests too (docs/scaling.md).
//
// The primary runs no app code: it forks the workers, each of which runs
// Next's own CLI (`next start …`) and calls listen on the port as usual; node's
// cluster module opens the port once in the primary and hands each accepted
// connection to a worker in turn (round robin). What must happen once per
// start happens in the first worker only, before any other worker exists:
// migrations, the seed and the sweep of crashed uploads' temp folders run in
// its instrumentation.ts (PORTAL_WORKER=first, lib/http/cluster-worker.ts),
// which tells the primary ("database-ready") when they are done; only then are
// the other workers forked (PORTAL_WORKER=more: they skip all three; two
// setups at once would race on the migrations and the seed). A worker that dies is
// replaced by a PORTAL_WORKER=more one (never re-running the setup); SIGTERM
// and SIGINT are passed to every worker, which finish their requests
// (Next's own shutdown), and the primary exits when all have.
//
// Per process, so N times over with N workers: the rate limits
// (lib/http/rate-limit.ts), the decrypted-session cache, the township and
// policy caches (filled from the database, divisions change only before the
// server starts). PGlite admits one process: never clustered (start.mjs).
import cluster from "node:cluster";
import { clearTimeout, setTimeout } from "node:timers";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

/**
 * Runs the primary: `workers` processes of `exec` with `args`. Resolves once
 * every worker has started (the first one's setup done, the others forked);
 * `stop()` ends them all. `exec` is Next's CLI unless a test gives its own.
 */
export function runPrimary({ workers, exec, args, log = (line) => console.log(line), readyTimeoutMs = 15 * 60_000 }) {
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`workers must be a positive integer (got ${workers})`);
  cluster.setupPrimary({ exec, args });
  let stopping = false;
  const restarts = [];
  let exitCode = 0;
  let onAllExited = () => {};
  const allExited = new Promise((resolve) => (onAllExited = resolve));

  // Our own count: cluster.workers keeps a worker that exited before its IPC channel closed.
  const alive = new Set();
  const fork = (role) => {
    const worker = cluster.fork({ PORTAL_WORKER: role });
    alive.add(worker);
    return worker;
  };

  cluster.on("exit", (worker, code, signal) => {
    alive.delete(worker);
    if (stopping || worker.portalStarting) {
      if (alive.size === 0) onAllExited();
      return;
    }
    log(`[portal] worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    const now = Date.now();
    restarts.push(now);
    while (restarts.length && restarts[0] < now - 60_000) restarts.shift();
    if (restarts.length > 5) {
      log("[portal] more than 5 workers died within a minute; stopping");
      exitCode = 1;
      stop();
      return;
    }
    fork("more");
  });

  const stop = (signal = "SIGTERM") => {
    stopping = true;
    if (alive.size === 0) onAllExited();
    for (const worker of alive) worker.process.kill(signal);
    return allExited.then(() => exitCode);
  };

  const started = new Promise((resolve, reject) => {
    const first = fork("first");
    first.portalStarting = true;
    const timer = setTimeout(() => fail(new Error(`the first worker did not finish the database setup within ${readyTimeoutMs / 1000} s`)), readyTimeoutMs);
    const fail = (err) => {
      clearTimeout(timer);
      stopping = true;
      exitCode = 1;
      first.process.kill("SIGTERM");
      reject(err);
    };
    first.on("exit", (code, signal) => {
      if (first.portalStarting) fail(new Error(`the first worker exited during the database setup (${signal ?? code})`));
    });
    first.on("message", (message) => {
      if (message?.portal === "database-failed") return fail(new Error("the first worker's database setup failed (see its log)"));
      if (message?.portal !== "database-ready" || !first.portalStarting) return;
      clearTimeout(timer);
      first.portalStarting = false;
      for (let i = 1; i < workers; i++) fork("more");
      resolve();
    });
  });
  return { started, stop, done: allExited.then(() => exitCode) };
}

// As a script: node scripts/cluster.mjs <workers> <next's arguments…>
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [count, ...args] = process.argv.slice(2);
  const workers = Number(count);
  const exec = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const primary = runPrimary({ workers, exec, args });
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => primary.stop(sig).then((code) => process.exit(code)));
  primary.started.then(
    () => console.log(`[portal] ${workers} server processes on one port (node:cluster)`),
    (err) => {
      console.error(`[portal] ${err.message}`);
      process.exit(1);
    },
  );
  primary.done.then((code) => process.exit(code));
}
