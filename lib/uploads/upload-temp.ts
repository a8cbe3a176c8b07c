import { chmodSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { processAlive } from "@/db/folder-lock";

// Uploaded files hold names and full ID numbers: they live only in a folder of
// our own (0700, files 0600), each upload in a subfolder named after the
// process, removed after use; one left by a crashed process is swept at the
// next start (sweepUploadTemp, instrumentation.ts). UPLOAD_TMPDIR overrides
// the parent folder (tests).

function root(): string {
  return join(process.env.UPLOAD_TMPDIR || tmpdir(), `portal-uploads-${process.getuid?.() ?? "u"}`);
}

function ownRoot(): string {
  const dir = root();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = statSync(dir);
  if (process.getuid && st.uid !== process.getuid()) throw new Error(`upload folder ${dir} belongs to another user`);
  if ((st.mode & 0o077) !== 0) chmodSync(dir, 0o700);
  return dir;
}

/** Mode of every file written into an upload folder. */
export const UPLOAD_FILE_MODE = 0o600;

/** Runs `fn` with a fresh private folder for one upload, removed afterwards whatever happens. */
export async function withUploadDir<T>(kind: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(ownRoot(), `${kind}-${process.pid}-`)); // mkdtemp makes it 0700
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const gone = (pid: number) => pid !== process.pid && !processAlive(pid);

/**
 * Removes upload folders of processes that are gone (a crash mid-import, a
 * kill -9), and the worksheet copies exceljs's streaming reader keeps while it
 * waits for a workbook's shared strings (the `tmp` package's `tmp-<pid>-…`
 * files in the system temp folder, 0600 but removed only on a clean exit) of
 * gone processes of this user. Returns how many entries were removed
 * (tests/integration/kill-during-bulk-jobs.test.ts).
 */
export function sweepUploadTemp(): number {
  const dir = ownRoot();
  let removed = 0;
  for (const name of readdirSync(dir)) {
    const pid = Number(/-(\d+)-[^-]+$/.exec(name)?.[1]);
    if (pid && !gone(pid)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    removed++;
  }
  // The tmp package writes to os.tmpdir() (TMPDIR), whatever UPLOAD_TMPDIR says: with the two apart,
  // looking only in UPLOAD_TMPDIR left a killed .xlsx import's worksheet copy in place for good.
  for (const sys of new Set([tmpdir(), process.env.UPLOAD_TMPDIR || tmpdir()])) {
    for (const name of readdirSync(sys)) {
      const pid = Number(/^tmp-(\d+)-/.exec(name)?.[1]);
      if (!pid || !gone(pid)) continue;
      const p = join(sys, name);
      const st = statSync(p, { throwIfNoEntry: false });
      if (!st?.isFile() || (process.getuid && st.uid !== process.getuid())) continue;
      rmSync(p, { force: true });
      removed++;
    }
  }
  return removed;
}
