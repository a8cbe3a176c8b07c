import { spawn } from "node:child_process";
import { freePort } from "@/tests/helpers/free-port";
import { afterEach, describe, expect, it } from "vitest";

// scripts/cluster.mjs (WEB_CONCURRENCY on PostgreSQL, docs/scaling.md): two
// workers on one port, both answering; the second started only after the
// first reported its database setup; a dead worker replaced by one that does
// not set up again; SIGTERM ends them all. The workers are a stand-in for
// `next start` (tests/helpers/cluster-worker.mjs), so no build is needed.

type Answer = { pid: number; role: string; startedAt: number; readyAt: number | null };

const children: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
});

async function ask(port: number): Promise<Answer> {
  // A connection handed to a worker as it was killed is never answered: give up on it.
  const r = await fetch(`http://127.0.0.1:${port}/`, { headers: { connection: "close" }, signal: AbortSignal.timeout(2000) });
  return (await r.json()) as Answer;
}

/** Answers from `n` fresh connections (the primary hands connections to the workers in turn). */
async function askMany(port: number, n: number): Promise<Map<number, Answer>> {
  const seen = new Map<number, Answer>();
  for (let i = 0; i < n; i++) {
    const a = await ask(port);
    seen.set(a.pid, a);
  }
  return seen;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, probe: () => boolean | Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("scripts/cluster.mjs", () => {
  it("starts the first worker, then the others once its setup is done; both answer on one port; a dead worker is replaced without a second setup; SIGTERM stops all", async () => {
    const port = await freePort();
    const primary = spawn(process.execPath, ["tests/helpers/cluster-primary.mjs", "2", String(port)], { cwd: process.cwd(), stdio: ["ignore", "pipe", "pipe"] });
    children.push(primary);
    let out = "";
    primary.stdout!.on("data", (d: Buffer) => void (out += d.toString()));
    primary.stderr!.on("data", (d: Buffer) => void (out += d.toString()));
    await until("the primary to start its workers", () => out.includes("started"));
    await until("a second worker to answer", async () => (await askMany(port, 4).catch(() => new Map())).size === 2);

    const workers = [...(await askMany(port, 6)).values()];
    expect(workers.map((w) => w.role).sort()).toEqual(["first", "more"]);
    const first = workers.find((w) => w.role === "first")!;
    const more = workers.find((w) => w.role === "more")!;
    expect(first.readyAt).not.toBeNull();
    // The other worker exists only after the first one's setup (instrumentation.ts) is done.
    expect(more.startedAt).toBeGreaterThanOrEqual(first.readyAt!);

    // A worker that dies is replaced, as "more": the setup never runs twice.
    process.kill(first.pid, "SIGKILL");
    await until("a replacement worker", async () => {
      const now = await askMany(port, 4).catch(() => new Map<number, Answer>());
      return now.size === 2 && !now.has(first.pid);
    });
    const after = [...(await askMany(port, 6)).values()];
    expect(after.map((w) => w.role)).toEqual(["more", "more"]);

    primary.kill("SIGTERM");
    await until("the primary to exit", () => primary.exitCode !== null);
    expect(primary.exitCode).toBe(0);
    for (const w of after) expect(alive(w.pid)).toBe(false);
  });
});
