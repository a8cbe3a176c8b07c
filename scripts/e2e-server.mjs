// Playwright's web server: creates the run's scratch database on the
// PostgreSQL server, then serves the built app on it (migrated and seeded at
// boot by instrumentation.ts). The global teardown drops the database.
import { spawn } from "node:child_process";
import postgres from "postgres";

const url = new URL(process.env.DATABASE_URL);
const name = url.pathname.slice(1);
const adminUrl = new URL(process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test");
const sql = postgres(adminUrl.toString(), { onnotice: () => {}, max: 1 });
// A run whose web server never came up skips the global teardown and leaves
// its database behind; drop those of runners (the pid in the name) that are
// gone. A pid means something only on this machine: on any other server the
// sweep would drop the scratch databases of runs on other machines, so it runs
// only against a local server unless E2E_SWEEP_REMOTE=1 says otherwise.
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1", ""]);
const sweep = LOCAL_HOSTS.has(adminUrl.hostname) || process.env.E2E_SWEEP_REMOTE === "1";
if (!sweep) console.error(`[e2e] ${adminUrl.hostname} is not this machine: leftover e2e_* databases are not swept (E2E_SWEEP_REMOTE=1 to sweep).`);
for (const { datname } of sweep ? await sql`select datname from pg_database where datname ~ '^e2e_[0-9]+_[0-9]+$'` : []) {
  if (datname === name) continue;
  try {
    process.kill(Number(datname.split("_")[1]), 0);
    continue; // that runner is still alive
  } catch (err) {
    if (err.code === "EPERM") continue;
  }
  await sql.unsafe(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
}
const exists = await sql`select 1 from pg_database where datname = ${name}`;
if (exists.length === 0) await sql.unsafe(`CREATE DATABASE ${name}`);
await sql.end();

const server = spawn("npx", ["next", "start", "-p", process.env.PORT ?? "3100"], { stdio: "inherit", env: process.env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
