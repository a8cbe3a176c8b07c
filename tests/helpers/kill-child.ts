// Running a job in a child process and killing it mid-work (tests/integration/kill-during-bulk-jobs.test.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readlinkSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export type Child = {
  proc: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with how the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/**
 * `script` under tsx with `--conditions=react-server`, as package.json's "cli"
 * script runs, but as one process: `node --import tsx`. The `tsx` command
 * starts node as a child of its own, and a SIGKILL to it leaves that child
 * (the job) running to its end.
 */
export function startTsx(script: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const proc = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", script, ...args], {
    cwd: process.cwd(),
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  proc.stdout!.on("data", (d: Buffer) => void (out += d.toString()));
  proc.stderr!.on("data", (d: Buffer) => void (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on("exit", (code, signal) => resolve({ code, signal })));
  return { proc, stdout: () => out, stderr: () => err, exited };
}

/**
 * Polls `probe` every few milliseconds until it returns true; fails when the
 * child ends first (the job finished before it could be killed: the input is
 * too small) or after `timeoutMs`.
 */
export async function waitUntil(child: Child, what: string, probe: () => Promise<boolean> | boolean, timeoutMs = 120_000): Promise<void> {
  let ended = false;
  void child.exited.then(() => (ended = true));
  const start = Date.now();
  for (;;) {
    if (await probe()) return;
    if (ended) throw new Error(`the job ended before ${what}:\nstdout: ${child.stdout().slice(-2000)}\nstderr: ${child.stderr().slice(-2000)}`);
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Every regular file under `dir` (relative paths), sorted. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(d, name);
      const st = statSync(p, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** The newest modification time of the files in a folder (PGlite's pg_wal: WAL written). */
export function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const st = statSync(join(dir, name), { throwIfNoEntry: false });
    if (st?.isFile()) newest = Math.max(newest, st.mtimeMs);
  }
  return newest;
}

/** True when process `pid` has `file` open (Linux /proc). */
export function hasOpen(pid: number, file: string): boolean {
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return false;
  }
  return fds.some((fd) => {
    try {
      return readlinkSync(`/proc/${pid}/fd/${fd}`) === file;
    } catch {
      return false;
    }
  });
}
