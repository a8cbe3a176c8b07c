import { AsyncLocalStorage } from "node:async_hooks";
import { dirname, join, sep } from "node:path";
import { rmSync } from "node:fs";
import { PassThrough } from "node:stream";
import type ExcelJS from "exceljs";
import { TableFileError } from "./errors";
import { MAX_SHARED_STRINGS, MAX_SHEET_CELLS, MAX_SHEET_ROWS, MAX_XLSX_PART_BYTES, tooManyMessage, XLSX_TOO_LARGE } from "./xlsx-limits";

// Fixes to exceljs 4.4.0's streaming reader, loaded the same way (below) —
// UTF-8 across chunks, the zip's early 'end', a hang and leftover temp copies
// on a damaged zip (iterateStream, trackedTmp) —
// and a budget: every XML part it parses passes through parseSax here, so the
// shared strings, rows and cells are counted as they arrive and a part past
// the limits of xlsx-limits.ts stops the read (a zip whose directory lied
// about its sizes gets this far; check-xlsx-file.ts stops the others sooner).
//
// exceljs 4.4.0's streaming reader decodes each inflated chunk of the sheet and
// shared-strings XML on its own (utils/parse-sax.js: `TextDecoder.decode(chunk)`
// without `stream: true`), so a Chinese character whose three UTF-8 bytes
// straddle a chunk boundary (every 16 KB) turns into U+FFFD. In a real roster
// that silently corrupts names, or rejects a row for a "变动" of "在���".
//
// The fix: a parse-sax that keeps one streaming decoder per XML part, put in
// Node's module cache, and a copy of exceljs loaded afresh on top of it — the
// reader modules capture parse-sax when they load, and another module (the
// export helpers) may have loaded exceljs earlier. Only the roster reader uses
// this copy. Remove once exceljs decodes with `stream: true` upstream.
//
// Node's own require is reached through process.getBuiltinModule, so that a
// bundler (Next's server build) leaves these calls alone: exceljs is a
// server external package, loaded by Node into the same module cache.

type SaxEvent = { eventType: string; value: unknown };
type Sax = { on(event: string, fn: (value: unknown) => void): void; write(text: string): void };

const FIXED = Symbol.for("portal.exceljs-utf8");
let patched: typeof ExcelJS | null = null;

export function excelJsWithUtf8Fix(): typeof ExcelJS {
  if (patched) return patched;
  try {
    const req = process.getBuiltinModule("node:module").createRequire(join(process.cwd(), "package.json"));
    const parseSaxPath = req.resolve("exceljs/lib/utils/parse-sax");
    const root = dirname(req.resolve("exceljs/package.json")) + sep;
    const cached = req.cache[parseSaxPath];
    if (!(cached?.exports as Record<symbol, unknown> | undefined)?.[FIXED]) {
      for (const key of Object.keys(req.cache)) if (key.startsWith(root) && !key.slice(root.length).includes("node_modules")) delete req.cache[key];
      req(parseSaxPath);
      req.cache[parseSaxPath]!.exports = fixedParseSax(req("saxes").SaxesParser);
      const iterateStreamPath = req.resolve("exceljs/lib/utils/iterate-stream");
      req(iterateStreamPath);
      req.cache[iterateStreamPath]!.exports = iterateStream;
      const readerRequire = process.getBuiltinModule("node:module").createRequire(req.resolve("exceljs/lib/stream/xlsx/workbook-reader.js"));
      const tmpPath = readerRequire.resolve("tmp");
      readerRequire(tmpPath);
      readerRequire.cache[tmpPath]!.exports = trackedTmp(readerRequire.cache[tmpPath]!.exports as Tmp);
    }
    patched = req("exceljs") as typeof ExcelJS;
    return patched;
  } catch (err) {
    // Loud rather than a silent fallback to the reader that corrupts names.
    console.error("[rosters] cannot load exceljs with the UTF-8 fix:", err instanceof Error ? err.message : err);
    throw err;
  }
}

// exceljs's iterate-stream.js stops at the zip stream's first 'end' event, but
// unzipper's Parse emits one of its own as soon as its input has been written
// — while entries it has already parsed still wait in its buffer (the reader
// had paused it to copy a worksheet to its temp file). Those entries were lost:
// the sheet was then read before sharedStrings.xml and every text cell came
// out as "[object Object]" (about one read in six of a workbook stored without
// compression; an xlsx upload failing at random). This copy waits for the
// real end (readableEnded), after the buffer has been emptied.
type EventStream = NodeJS.ReadableStream & { readableEnded?: boolean };

export async function* iterateStream(stream: EventStream): AsyncGenerator<unknown> {
  const contents: unknown[] = [];
  let ended = false;
  let error: unknown = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  stream.on("data", (data: unknown) => {
    contents.push(data);
    notify();
  });
  stream.on("end", () => {
    if (stream.readableEnded === false) return; // unzipper's early 'end'
    ended = true;
    notify();
  });
  let handedOut: unknown = null;
  stream.on("error", (err: unknown) => {
    error = err;
    // exceljs copies a worksheet that arrives before the shared strings to a
    // temp file and waits for the copy's 'finish' only — which never came when
    // the zip failed inside that entry (a truncated upload: unzipper's
    // FILE_ENDED; a damaged deflate stream): the import hung for ever, holding
    // its lock. Ending the entry finishes the copy; the error is then thrown at
    // the reader's next step.
    endEntry(handedOut);
    notify();
  });
  while (!ended || contents.length > 0) {
    if (error) throw error;
    if (contents.length === 0) {
      stream.resume();
      await new Promise<void>((resolve) => (wake = resolve));
    } else {
      stream.pause();
      yield (handedOut = contents.shift());
    }
  }
  if (error) throw error;
}

/** Ends an unzipper entry (a PassThrough) whose zip failed, so that a pipe from it finishes. */
function endEntry(entry: unknown): void {
  const e = entry as { pipe?: unknown; end?: () => void; on?: (event: string, fn: () => void) => void; writableEnded?: boolean } | null;
  if (!e || typeof e.pipe !== "function" || typeof e.end !== "function" || e.writableEnded) return;
  e.on?.("error", () => {}); // a late write after this end: the zip's own error is the one reported
  e.end();
}

// exceljs's worksheet copies (above: a sheet that comes before the shared
// strings) are removed by exceljs only when its reading reaches them; a read
// that fails or stops earlier left the copy — the roster's names and ID
// numbers — in the temp folder of the server until it exits (the fuzz suite,
// tests/integration/fuzz-file-imports.test.ts). exceljs's `tmp` is wrapped so
// that the copies made during a read (withTempCopies) are known, and the
// reader removes those left at its end. The wrapper is what `tmp` exports
// from Node's module cache from then on; outside a read it only passes through.
type Cleanup = () => void;
type TmpFileCallback = (err: Error | null, path: string, fd: number, cleanup: Cleanup) => void;
type Tmp = { file: (...args: unknown[]) => void };
const tempCopies = new AsyncLocalStorage<Map<string, Cleanup>>();

function trackedTmp(tmp: Tmp): Tmp {
  const wrapped = Object.create(tmp) as Tmp;
  wrapped.file = (...args: unknown[]) => {
    const copies = tempCopies.getStore();
    const cb = args.at(-1);
    if (!copies || typeof cb !== "function") return tmp.file(...args);
    return tmp.file(...args.slice(0, -1), ((err, path, fd, cleanup) => {
      if (err) return (cb as TmpFileCallback)(err, path, fd, cleanup);
      copies.set(path, cleanup);
      (cb as TmpFileCallback)(err, path, fd, () => {
        copies.delete(path);
        cleanup();
      });
    }) as TmpFileCallback);
  };
  return wrapped;
}

/** Runs one step of a read with exceljs's worksheet copies recorded in `copies`. */
export function withTempCopies<T>(copies: Map<string, Cleanup>, step: () => T): T {
  return tempCopies.run(copies, step);
}

/**
 * Removes the worksheet copies a read left, a moment later: exceljs may just
 * have created a read stream on a copy whose open is still queued, and a file
 * removed before that open made it fail with an uncaught ENOENT (the fuzz
 * suite's 500-file runs, 4 in 3,000 files).
 */
export function removeTempCopies(copies: Map<string, Cleanup>): void {
  if (copies.size === 0) return;
  const left = [...copies];
  copies.clear();
  setTimeout(() => {
    for (const [path, cleanup] of left) {
      rmSync(path, { force: true });
      cleanup(); // closes tmp's descriptor; the file is already gone
    }
  }, REMOVE_AFTER_MS).unref();
}

const REMOVE_AFTER_MS = 250;

function fixedParseSax(SaxesParser: new () => Sax) {
  async function* parseSax(input: AsyncIterable<Buffer | string> | NodeJS.ReadableStream): AsyncGenerator<SaxEvent[]> {
    const iterable: AsyncIterable<Buffer | string> =
      Symbol.asyncIterator in input ? (input as AsyncIterable<Buffer | string>) : (input as NodeJS.ReadableStream).pipe(new PassThrough());
    const parser = new SaxesParser();
    const decoder = new TextDecoder("utf-8");
    let error: unknown = null;
    let events: SaxEvent[] = [];
    let bytes = 0;
    let shared = 0;
    let rows = 0;
    let cells = 0;
    const over = (reason: string) => (error ??= new TableFileError("xlsx_too_large", reason));
    parser.on("error", (err) => (error = err));
    for (const eventType of ["text", "closetag"]) parser.on(eventType, (value) => events.push({ eventType, value }));
    parser.on("opentag", (value) => {
      const name = (value as { name?: string }).name;
      if (name === "si" && ++shared > MAX_SHARED_STRINGS) over(tooManyMessage("shared"));
      else if (name === "sst" && Number((value as { attributes?: Record<string, string> }).attributes?.uniqueCount) > MAX_SHARED_STRINGS) over(tooManyMessage("shared"));
      else if (name === "row" && ++rows > MAX_SHEET_ROWS) over(tooManyMessage("rows"));
      else if (name === "c" && ++cells > MAX_SHEET_CELLS) over(tooManyMessage("cells"));
      events.push({ eventType: "opentag", value });
    });
    for await (const chunk of iterable) {
      bytes += chunk.length;
      if (bytes > MAX_XLSX_PART_BYTES) over(XLSX_TOO_LARGE);
      if (error) throw error;
      parser.write(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
      if (error) throw error;
      yield events;
      events = [];
    }
    const rest = decoder.decode();
    if (rest) {
      parser.write(rest);
      if (error) throw error;
      yield events;
    }
  }
  return Object.assign(parseSax, { [FIXED]: true });
}
