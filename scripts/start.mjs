// `npm start`: build when needed, then serve. Migrations and the demo
// seed run inside the server process at boot (instrumentation.ts), because the
// embedded database admits one process at a time.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const port = env.PORT || "3000";

// Build when there is no build or the sources changed since it (scripts/build.mjs).
const build = spawnSync("node", ["scripts/build.mjs", "--if-needed"], { stdio: "inherit", env });
if (build.status !== 0) process.exit(build.status ?? 1);

// next-auth needs a secret. On the embedded database a random one is kept
// beside the data, so sessions survive a restart; production sets AUTH_SECRET.
if (!env.AUTH_SECRET) {
  const dir = path.resolve(env.DATA_DIR || "./data");
  const file = path.join(dir, ".auth-secret");
  mkdirSync(dir, { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}
env.AUTH_TRUST_HOST ??= "true";

// WEB_CONCURRENCY=N (PostgreSQL only): N server processes on the port
// (scripts/cluster.mjs; docs/scaling.md). The embedded database admits one
// process, so on PGlite it is one process whatever the setting.
const workers = Number(env.WEB_CONCURRENCY || "1");
if (!Number.isInteger(workers) || workers < 1) {
  console.error(`[portal] WEB_CONCURRENCY must be a positive integer (got "${env.WEB_CONCURRENCY}")`);
  process.exit(1);
}
const clustered = workers > 1 && Boolean(env.DATABASE_URL?.trim());
if (workers > 1 && !clustered) console.log("[portal] WEB_CONCURRENCY is ignored on the embedded database (one process); set DATABASE_URL for PostgreSQL");

console.log(`[portal] serving on http://localhost:${port}${clustered ? ` with ${workers} processes` : ""}`);
const server = clustered
  ? spawn("node", ["scripts/cluster.mjs", String(workers), "start", "-p", port], { stdio: "inherit", env })
  : spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
