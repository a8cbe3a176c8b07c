import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { stat, writeFile } from "node:fs/promises";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RosterFileError, type RosterFileProblem } from "./domain/errors";
import { MAX_RECORD_CHARS } from "@/lib/tabular-import/read-csv";
import { readRosterFile } from "./read-roster";
import { csvText, storedZip, syntheticId, tempDir, writeStreamed, writeXlsxFile } from "@/tests/helpers/roster-files";

// File-level problems: each is a RosterFileError with a Chinese reason, thrown
// by readRosterFile (or, for damage found later, by the iteration), never a crash.

const HEADER = ["身份证号", "姓名", "类别", "变动", "区划代码", "认定日期", "备注"];
const ROW = [syntheticId(1), "张三", "低保", "新增", "430524101201", "2025-01-05", ""];
const MB = 1024 * 1024;

/** Valid rows (real check characters) written by a separate node process. */
function generateCsv(path: string, rows: number): void {
  const script = `
    const fs = require("fs");
    const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const fd = fs.openSync(process.argv[1], "w");
    fs.writeSync(fd, "${HEADER.join(",")}\\r\\n");
    let chunk = "";
    for (let i = 0; i < Number(process.argv[2]); i++) {
      const birth = new Date(Date.UTC(1950, 0, 1) + (i % 18000) * 86400000).toISOString().slice(0, 10).replace(/-/g, "");
      const first17 = "430524" + birth + String(Math.floor(i / 18000) % 1000).padStart(3, "0");
      let sum = 0;
      for (let k = 0; k < 17; k++) sum += (first17.charCodeAt(k) - 48) * W[k];
      chunk += first17 + "10X98765432"[sum % 11] + ",张三,低保对象,在册,4305241012" + String(i % 100).padStart(2, "0") + ",2024-06-30,\\r\\n";
      if (chunk.length > 1 << 20) { fs.writeSync(fd, chunk); chunk = ""; }
    }
    fs.writeSync(fd, chunk);
    fs.closeSync(fd);`;
  execFileSync(process.execPath, ["-e", script, path, String(rows)]);
}

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir();
});
afterAll(async () => {
  await tmp.remove();
});

async function failure(path: string): Promise<RosterFileError> {
  try {
    const file = await readRosterFile({ path });
    for await (const row of file) void row;
  } catch (error) {
    if (!(error instanceof RosterFileError)) throw error;
    expect(error.reason).toMatch(/[\u4e00-\u9fff]/); // a Chinese message
    expect(error.message).toBe(error.reason);
    return error;
  }
  throw new Error(`expected a RosterFileError for ${path}`);
}

async function expectProblem(name: string, content: string | Buffer, problem: RosterFileProblem): Promise<RosterFileError> {
  const path = tmp.file(name);
  await writeFile(path, content);
  const error = await failure(path);
  expect(error.problem).toBe(problem);
  return error;
}

describe("file-level problems", () => {
  it("an empty file", async () => {
    await expectProblem("empty.csv", "", "empty");
    await expectProblem("blank.csv", "\r\n\r\n  \r\n", "empty");
    const path = tmp.file("empty.xlsx");
    await writeXlsxFile(path, []);
    expect((await failure(path)).problem).toBe("empty");
  });

  it("a header-only file", async () => {
    await expectProblem("header.csv", `${HEADER.join(",")}\r\n`, "header_only");
    await expectProblem("header-gb.csv", iconv.encode(`${HEADER.join(",")}\r\n,,,,,,\r\n`, "gb18030"), "header_only");
    const path = tmp.file("header.xlsx");
    await writeXlsxFile(path, [HEADER]);
    expect((await failure(path)).problem).toBe("header_only");
  });

  it("a missing required column names the column", async () => {
    const error = await expectProblem("missing.csv", csvText([HEADER.filter((h) => h !== "区划代码"), ROW.slice(0, 6)]), "missing_column");
    expect(error.column).toBe("区划代码");
    expect(error.reason).toContain("缺少必填列：区划代码");
  });

  it("an unknown, a duplicate and an empty header cell", async () => {
    const unknown = await expectProblem("unknown.csv", csvText([["序号", ...HEADER], ["1", ...ROW]]), "unknown_column");
    expect(unknown.column).toBe("序号");
    expect(unknown.row).toBe(1);
    const duplicate = await expectProblem("dup.csv", csvText([[...HEADER, "姓名"], [...ROW, "张三"]]), "duplicate_column");
    expect(duplicate.column).toBe("姓名");
    await expectProblem("gap.csv", csvText([["身份证号", "", ...HEADER.slice(1)], ROW]), "empty_header");
  });

  it("the old .xls format and an .xlsx that is not a workbook", async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expectProblem("old.xls", ole, "xls");
    await expectProblem("text.xlsx", csvText([HEADER, ROW]), "not_roster");
    await expectProblem("zip.xlsx", Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), randomBytes(4096)]), "corrupt_xlsx");
    // A real zip that is not a workbook (a Word file, an archive of photos).
    await expectProblem("word.xlsx", storedZip({ "word/document.xml": "<w:document/>", "photo.jpg": "xx" }), "no_worksheet");
  });

  it("error details: column, row, and the rejected-row shape", async () => {
    const error = await expectProblem("missing2.csv", csvText([["身份证号", "姓名"], [ROW[0]!, "张三"]]), "missing_column");
    expect(error.toRowError()).toEqual({ row: 1, column: "类别", reason: "缺少必填列：类别、变动、区划代码、认定日期，请按模板补齐表头" });
  });

  it("a line that never ends is refused instead of buffered", async () => {
    await expectProblem("long.csv", "a".repeat(MAX_RECORD_CHARS + 10), "record_too_long");
    const open = `${HEADER.join(",")}\n${ROW.slice(0, 6).join(",")},"an unclosed quote ${"x".repeat(MAX_RECORD_CHARS)}\n${ROW.join(",")}\n`;
    const error = await expectProblem("unclosed.csv", open, "record_too_long");
    expect(error.row).toBe(2);
  });

  it("a path that does not exist", async () => {
    const error = await failure(tmp.file("nope.csv"));
    expect(error.problem).toBe("unreadable");
  });
});

describe("50 MB of random bytes", () => {
  for (const name of ["garbage.csv", "garbage.xlsx"]) {
    it(`named ${name}: a clear file-level error, memory stays small`, async () => {
      const path = tmp.file(name);
      await writeStreamed(path, (function* () {
        for (let i = 0; i < 50; i++) yield randomBytes(MB);
      })());
      const before = process.memoryUsage().rss;
      const started = Date.now();
      const error = await failure(path);
      expect(["not_roster", "corrupt_xlsx"]).toContain(error.problem);
      expect(error.reason).toContain("xlsx");
      expect(process.memoryUsage().rss - before).toBeLessThan(150 * MB);
      expect(Date.now() - started).toBeLessThan(5000);
    });
  }

  it("behind a zip signature: the zip reader fails without buffering the file", async () => {
    const path = tmp.file("garbage-zip.xlsx");
    await writeStreamed(path, (function* () {
      yield Buffer.from([0x50, 0x4b, 3, 4, 0x14, 0, 0x08, 0, 0, 0]); // stored, with a data descriptor: scanned to the end
      for (let i = 0; i < 50; i++) yield randomBytes(MB);
    })());
    const before = process.memoryUsage().rss;
    const error = await failure(path);
    expect(error.problem).toBe("corrupt_xlsx");
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * MB);
  });
});

describe("a large file is streamed", () => {
  it("reads 1,000,000 generated rows with bounded memory", async () => {
    const path = tmp.file("big.csv");
    // A million rows (about 69 MB): held in memory they grew RSS by 397 MB (~6× the
    // file); streamed, growth stays at V8's young generation whatever the size.
    // At 200,000 rows the two were too close to tell apart (56 vs 57 MB).
    const rows = 1_000_000;
    // Generated in a child process so that this process's heap is not already
    // grown by the generation when memory is measured.
    generateCsv(path, rows);
    const { size } = await stat(path);
    const before = process.memoryUsage().rss;
    let peak = before;
    const file = await readRosterFile({ path });
    expect(file.totalBytes).toBe(size);
    expect(file.sha256()).toBeNull(); // not before the end
    let count = 0;
    let lastRow = 0;
    for await (const batch of file.batches()) {
      count += batch.length;
      lastRow = batch.at(-1)!.row;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    expect(count).toBe(rows);
    expect(lastRow).toBe(rows + 1);
    expect(file.encoding).toBe("utf-8");
    expect(file.bytesRead()).toBe(size);
    const { createHash } = await import("node:crypto");
    const { readFile } = await import("node:fs/promises");
    expect(file.sha256()).toBe(createHash("sha256").update(await readFile(path)).digest("hex"));
    // Held in memory, the decoded text alone would be about twice the file size
    // and the rows several times more; what grows here is V8's young generation
    // (up to 16 MB semi-spaces), whatever the number of rows.
    expect(peak - before, `rss grew ${((peak - before) / MB).toFixed(1)} MB for a ${(size / MB).toFixed(1)} MB file`).toBeLessThan(2 * size);
  });

  it("stopping early releases the file", async () => {
    const path = tmp.file("stop.csv");
    await writeStreamed(path, (function* () {
      yield `${HEADER.join(",")}\n`;
      for (let i = 0; i < 100; i++) yield `${ROW.join(",")}\n`.repeat(1000);
    })());
    const file = await readRosterFile({ path });
    let seen = 0;
    for await (const row of file) {
      void row;
      if (++seen === 10) break;
    }
    expect(seen).toBe(10);
    expect(file.bytesRead()).toBeLessThan(file.totalBytes!);
    await file.close();
  });
});
