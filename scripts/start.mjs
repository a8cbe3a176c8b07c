// `npm start`: build when needed, then serve. Migrations and the demo
// seed run inside the server process at boot (instrumentation.ts), because the
// embedded database admits one process at a time.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createHash, randomBytes } from "node:crypto";
import path from "node:path";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const port = env.PORT || "3000";

// Build when there is no build, or when the sources changed since the last
// one (a stamp of every source file's path, size and mtime), so `git pull &&
// npm start` never serves a stale build.
const STAMP = ".next/.portal-source-stamp";
function sourceStamp() {
  const hash = createHash("sha256");
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else {
        const st = statSync(p);
        hash.update(`${p}:${st.size}:${st.mtimeMs}\n`);
      }
    }
  };
  for (const dir of ["app", "components", "lib", "db", "public"]) walk(dir);
  for (const file of ["package-lock.json", "next.config.ts", "proxy.ts", "instrumentation.ts", "postcss.config.mjs"])
    if (existsSync(file)) hash.update(`${file}:${statSync(file).mtimeMs}\n`);
  return hash.digest("hex");
}
const stamp = sourceStamp();
const built = existsSync(".next/BUILD_ID") && existsSync(STAMP) && readFileSync(STAMP, "utf8") === stamp;
if (!built) {
  console.log("[portal] building the app (about a minute on two cores)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(STAMP, stamp);
}

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

console.log(`[portal] serving on http://localhost:${port}`);
const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
