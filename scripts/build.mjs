// `node scripts/build.mjs [--if-needed]`: the production build, and a stamp of
// the sources it was made from (every source file's path, size and mtime).
// With --if-needed it builds only when there is no build or the stamp differs,
// so `git pull && npm start` never serves a stale build.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

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
    if (existsSync(file)) hash.update(`${file}:${statSync(file).size}:${statSync(file).mtimeMs}\n`);
  return hash.digest("hex");
}

const stamp = sourceStamp();
if (process.argv.includes("--if-needed") && existsSync(".next/BUILD_ID") && existsSync(STAMP) && readFileSync(STAMP, "utf8") === stamp) process.exit(0);
console.log("[portal] building the app (about a minute on two cores)…");
const r = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
if (r.status !== 0) process.exit(r.status ?? 1);
writeFileSync(STAMP, stamp);
