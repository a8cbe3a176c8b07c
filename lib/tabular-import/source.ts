import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { Readable } from "node:stream";
import { checkXlsxFile } from "./check-xlsx-file";
import { TableFileError } from "./errors";

// Opens the uploaded bytes as a stream of chunks and decides the format from the
// first bytes, so nothing past the first chunk is read before the file is known
// to be a CSV or an xlsx at all.

export type TableFormat = "csv" | "xlsx";

export type TableInput = { path: string; format?: TableFormat } | { stream: Readable; format: TableFormat };

export type ByteSource = {
  format: TableFormat;
  /** The whole file, first chunk included; iterate once. */
  chunks: AsyncGenerator<Buffer>;
  /** Bytes handed out so far, for a progress bar. */
  bytesRead(): number;
  /** File size when reading a path; null for a stream. */
  totalBytes: number | null;
  /** SHA-256 (hex) of the whole file once it has been read to the end, else null (re-sent files are recognised by it). */
  sha256(): string | null;
  /** Stops reading and releases the file. Safe to call twice. */
  close(): Promise<void>;
};

// Large enough that per-chunk work is negligible, small enough to never matter
// for memory (the decoder and the CSV parser hold about one chunk each).
export const CHUNK_BYTES = 64 * 1024;

const ZIP_MAGIC = [0x50, 0x4b]; // "PK" + 03 04 (entry), 05 06 (empty zip) or 07 08 (spanned)
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // .xls, .et, .doc

function startsWith(bytes: Buffer, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function isZip(bytes: Buffer): boolean {
  return startsWith(bytes, ZIP_MAGIC) && [3, 5, 7].includes(bytes[2] ?? 0) && bytes[3] === (bytes[2] ?? 0) + 1;
}

function formatOfPath(path: string): TableFormat | undefined {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  return ext === "xlsx" ? "xlsx" : ext === "csv" || ext === "txt" ? "csv" : undefined;
}

function unreadable(cause: unknown): TableFileError {
  const code = (cause as { code?: string } | null)?.code;
  const reason = code === "ENOENT" ? "找不到上传的文件" : code === "EISDIR" ? "上传的是文件夹，不是文件" : "无法读取上传的文件";
  return new TableFileError("unreadable", reason, { cause });
}

export async function openSource(input: TableInput): Promise<ByteSource> {
  let totalBytes: number | null = null;
  let stream: Readable;
  if ("path" in input) {
    try {
      totalBytes = (await stat(input.path)).size;
    } catch (cause) {
      throw unreadable(cause);
    }
    stream = createReadStream(input.path, { highWaterMark: CHUNK_BYTES });
  } else {
    stream = input.stream;
  }
  const declared = input.format ?? ("path" in input ? formatOfPath(input.path) : undefined);
  const iterator: AsyncIterator<unknown> = stream[Symbol.asyncIterator]();
  const close = async () => {
    stream.destroy();
  };

  // Peek at least 8 bytes (a stream may hand out tiny chunks).
  const head: Buffer[] = [];
  let headLength = 0;
  let done = false;
  try {
    while (headLength < 8) {
      const next = await iterator.next();
      if (next.done) {
        done = true;
        break;
      }
      const chunk = toBuffer(next.value);
      head.push(chunk);
      headLength += chunk.length;
    }
  } catch (cause) {
    await close();
    throw cause instanceof TableFileError ? cause : unreadable(cause);
  }
  const first = Buffer.concat(head);
  if (first.length === 0) {
    await close();
    throw new TableFileError("empty", "文件是空的，请选择填好的名单文件");
  }

  let format: TableFormat;
  if (isZip(first)) {
    format = "xlsx"; // also a renamed .xlsx with a .csv name: the content decides
    if ("path" in input) {
      try {
        await checkXlsxFile(input.path); // unpacks past the limits? refused before a byte is inflated
      } catch (err) {
        await close();
        throw err;
      }
    }
  } else if (startsWith(first, OLE_MAGIC)) {
    await close();
    throw new TableFileError("xls", "这是旧版 Excel（.xls）或 WPS 表格（.et）文件，请在 Excel 或 WPS 中“另存为” .xlsx 或 CSV 后再上传");
  } else if (declared === "xlsx") {
    await close();
    throw new TableFileError("not_roster", "文件扩展名是 .xlsx，但内容不是 Excel 工作簿（文件可能已损坏），请重新导出后再上传");
  } else {
    format = "csv";
  }

  let bytesRead = 0;
  // Hashed on the way through, so the import need not read the file twice.
  const hash = createHash("sha256");
  let digest: string | null = null;
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      bytesRead += first.length;
      hash.update(first);
      yield first;
      while (!done) {
        let next: IteratorResult<unknown>;
        try {
          next = await iterator.next();
        } catch (cause) {
          throw unreadable(cause);
        }
        if (next.done) break;
        const chunk = toBuffer(next.value);
        bytesRead += chunk.length;
        hash.update(chunk);
        yield chunk;
      }
      digest = hash.digest("hex");
    } finally {
      await close();
    }
  }
  return { format, chunks: chunks(), bytesRead: () => bytesRead, totalBytes, sha256: () => digest, close };
}

function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return Buffer.from(String(value), "utf8");
}
