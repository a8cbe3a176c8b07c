import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { freePort } from "./served-app";

// A real streaming standby for the dashboard benchmark (docs/scaling.md):
// `pg_basebackup -R` of a primary into a temporary folder, and a second
// postmaster on another port that replays the primary's WAL as it arrives.
//
// The machine's own server (127.0.0.1:5432) is tried first. Its pg_hba.conf
// as shipped on this kind of machine has no `replication` line, so it refuses
// pg_basebackup ("no pg_hba.conf entry for replication connection"); changing
// the machine's server configuration is not the benchmark's business. Then the
// benchmark starts a primary of its own from the same PostgreSQL 15 binaries
// (initdb into a temporary folder, the 5432 server's memory settings) and
// takes the standby from that, so both measured servers are real PostgreSQL
// 15 on this machine and the standby is a true physical replica.
//
// PostgreSQL refuses to run as root: as root, every server command runs as
// the `postgres` system user (runuser), in folders that user owns.

export type ReplicaPair = {
  /** Admin URL (database `postgres`) of the primary the standby follows. */
  primaryAdminUrl: string;
  /** The standby's URL for a database, given the primary's URL of it. */
  standbyUrl: (primaryUrl: string) => string;
  /** True when the primary is the benchmark's own (the machine's refused replication). */
  ownPrimary: boolean;
  /** Waits until the standby has replayed everything the primary has written so far; returns the wait in ms. */
  catchUp: () => Promise<number>;
  /** Replay lag the standby reports right now (bytes behind the primary's current WAL position). */
  lagBytes: () => Promise<number>;
  stop: () => Promise<void>;
};

export function pgBinDir(): string {
  try {
    const dir = execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
    if (existsSync(path.join(dir, "pg_basebackup"))) return dir;
  } catch {
    /* pg_config absent: Debian's layout below */
  }
  return "/usr/lib/postgresql/15/bin";
}

const asRoot = userInfo().uid === 0;

function run(bin: string, args: string[], opts: { allowFail?: boolean } = {}): { ok: boolean; out: string } {
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(pgBinDir(), bin), ...args]] : [path.join(pgBinDir(), bin), args];
  const r = spawnSync(cmd, argv, { encoding: "utf8", cwd: tmpdir() });
  const out = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  if (r.status !== 0 && !opts.allowFail) throw new Error(`${bin} ${args.join(" ")} failed: ${out.trim()}`);
  return { ok: r.status === 0, out };
}

function serverFolder(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  return dir;
}

async function waitReady(port: number, seconds = 60): Promise<void> {
  for (let i = 0; i < seconds * 4; i++) {
    if (run("pg_isready", ["-q", "-h", "127.0.0.1", "-p", String(port)], { allowFail: true }).ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`PostgreSQL on port ${port} did not accept connections within ${seconds} s`);
}

function startServer(dataDir: string, port: number, settings: string[]): void {
  const opts = ["-p", String(port), "-k", dataDir, "-c", "listen_addresses=127.0.0.1", ...settings.flatMap((s) => ["-c", s])].join(" ");
  run("pg_ctl", ["-D", dataDir, "-l", path.join(dataDir, "server.log"), "-o", opts, "-w", "-t", "120", "start"]);
}

function stopServer(dataDir: string): void {
  run("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "-t", "60", "stop"], { allowFail: true });
}

function withPort(url: string, port: number, database?: string): string {
  const u = new URL(url);
  u.port = String(port);
  if (database) u.pathname = `/${database}`;
  return u.toString();
}

export async function startReplicaPair(machineAdminUrl: string, log: (line: string) => void = () => {}): Promise<ReplicaPair> {
  const machine = new URL(machineAdminUrl);
  const folders: string[] = [];
  let primaryDir: string | null = null;
  let primaryPort = Number(machine.port || 5432);
  let primaryAdminUrl = machineAdminUrl;
  const admin = postgres(machineAdminUrl, { onnotice: () => {}, max: 1 });
  const [memory] = await admin<{ shared_buffers: string; work_mem: string; effective_cache_size: string }[]>`
    SELECT current_setting('shared_buffers') AS shared_buffers, current_setting('work_mem') AS work_mem,
           current_setting('effective_cache_size') AS effective_cache_size`;
  await admin.end();
  const settings = [`shared_buffers=${memory!.shared_buffers}`, `work_mem=${memory!.work_mem}`, `effective_cache_size=${memory!.effective_cache_size}`];

  const standbyDir = serverFolder("portal-standby-");
  folders.push(standbyDir);
  const basebackup = (host: string, port: number) =>
    run("pg_basebackup", ["-h", host, "-p", String(port), "-U", machine.username || "postgres", "-D", standbyDir, "-R", "-X", "stream", "-c", "fast", "--no-sync"], { allowFail: true });

  const taken = basebackup(machine.hostname, primaryPort);
  const ownPrimary = !taken.ok;
  if (ownPrimary) {
    if (!/replication connection/.test(taken.out)) throw new Error(`pg_basebackup failed: ${taken.out.trim()}`);
    log(`the server at ${machine.host} refuses replication connections (${taken.out.trim().split("\n").pop()}); starting a primary of our own`);
    primaryDir = serverFolder("portal-primary-");
    folders.push(primaryDir);
    run("initdb", ["-D", primaryDir, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]);
    writeFileSync(path.join(primaryDir, "pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\nhost replication all 127.0.0.1/32 trust\nlocal replication all trust\n");
    primaryPort = await freePort();
    startServer(primaryDir, primaryPort, [...settings, "wal_level=replica", "max_wal_senders=5"]);
    await waitReady(primaryPort);
    primaryAdminUrl = withPort(machineAdminUrl, primaryPort, "postgres");
    rmSync(standbyDir, { recursive: true, force: true });
    const again = serverFolder("portal-standby-");
    folders[0] = again;
    run("pg_basebackup", ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-D", again, "-R", "-X", "stream", "-c", "fast", "--no-sync"]);
  }
  const standby = folders[0]!;
  const standbyPort = await freePort();
  startServer(standby, standbyPort, [...settings, "hot_standby=on"]);
  await waitReady(standbyPort);
  log(`standby on 127.0.0.1:${standbyPort} (${standby}) streaming from 127.0.0.1:${primaryPort}`);

  const primarySql = postgres(primaryAdminUrl, { onnotice: () => {}, max: 1 });
  const standbySql = postgres(withPort(primaryAdminUrl, standbyPort), { onnotice: () => {}, max: 1 });
  const [rec] = await standbySql<{ r: boolean }[]>`SELECT pg_is_in_recovery() AS r`;
  if (!rec!.r) throw new Error("the standby is not in recovery: not a replica");

  const lagBytes = async () => {
    const [p] = await primarySql<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`;
    const [s] = await standbySql<{ lag: string | null }[]>`SELECT pg_wal_lsn_diff(${p!.lsn}::pg_lsn, pg_last_wal_replay_lsn())::bigint::text AS lag`;
    return Math.max(0, Number(s!.lag ?? 0));
  };
  return {
    primaryAdminUrl,
    standbyUrl: (url) => withPort(url, standbyPort),
    ownPrimary,
    lagBytes,
    catchUp: async () => {
      const t = performance.now();
      const [p] = await primarySql<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`;
      for (let i = 0; i < 1200; i++) {
        const [s] = await standbySql<{ behind: boolean }[]>`SELECT pg_last_wal_replay_lsn() < ${p!.lsn}::pg_lsn AS behind`;
        if (!s!.behind) return performance.now() - t;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error("the standby did not catch up within 120 s");
    },
    stop: async () => {
      await Promise.allSettled([primarySql.end(), standbySql.end()]);
      stopServer(standby);
      if (primaryDir) stopServer(primaryDir);
      for (const f of folders) rmSync(f, { recursive: true, force: true });
    },
  };
}
