import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveUpload } from "./save-upload";
import { sweepUploadTemp, withUploadDir } from "./upload-temp";

// Upload temp files hold names and full ID numbers: owner-only, removed after
// use, and those of a crashed process removed at the next start.

const mode = (p: string) => statSync(p).mode & 0o777;

describe("upload temporary files", () => {
  let parent: string;
  const systemTemp = process.env.TMPDIR;
  beforeAll(() => {
    parent = mkdtempSync(join(tmpdir(), "upload-temp-test-"));
    process.env.UPLOAD_TMPDIR = parent;
    process.env.TMPDIR = parent; // the sweep also looks in os.tmpdir(), where exceljs's copies go: here, not the shared /tmp
  });
  afterAll(() => {
    delete process.env.UPLOAD_TMPDIR;
    if (systemTemp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = systemTemp;
    rmSync(parent, { recursive: true, force: true });
  });

  it("are written 0600 in a 0700 folder of their own (under a 0700 root) and removed after use, also on failure", async () => {
    const old = process.umask(0o022); // a server's usual umask: the modes must not depend on it
    let seen = "";
    try {
      await withUploadDir("roster", async (dir) => {
        seen = join(dir, "upload.csv");
        await saveUpload((async function* () { yield Buffer.from("430524195803020015,张三\n"); })(), seen, 1000);
        expect(mode(seen)).toBe(0o600);
        expect(mode(dir)).toBe(0o700);
        expect(mode(dirname(dir))).toBe(0o700);
      });
      expect(existsSync(dirname(seen))).toBe(false);
      await expect(withUploadDir("roster", async (dir) => ((seen = dir), Promise.reject(new Error("import failed"))))).rejects.toThrow("import failed");
      expect(existsSync(seen)).toBe(false);
    } finally {
      process.umask(old);
    }
  });

  it("left by a process that is gone are swept at start, those of a running process kept", async () => {
    let root = "";
    await withUploadDir("probe", async (dir) => void (root = dirname(dir)));
    const dead = join(root, "roster-2147483646-abcdef");
    const running = join(root, `enrolment-${process.ppid}-abcdef`);
    for (const d of [dead, running]) {
      mkdirSync(d);
      writeFileSync(join(d, "upload.xlsx"), "names and IDs");
    }
    // exceljs's worksheet copy (the tmp package's naming) left by a crashed import, and one of a running process.
    writeFileSync(join(parent, "tmp-2147483646-xyz"), "<sheetData>430524195803020015</sheetData>", { mode: 0o600 });
    writeFileSync(join(parent, `tmp-${process.ppid}-xyz`), "in use", { mode: 0o600 });
    expect(sweepUploadTemp()).toBe(2);
    expect(readdirSync(root)).toEqual([`enrolment-${process.ppid}-abcdef`]);
    expect(readdirSync(parent).sort()).toEqual([`portal-uploads-${process.getuid!()}`, `tmp-${process.ppid}-xyz`].sort());
  });
});
