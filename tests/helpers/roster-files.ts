// Helpers for the roster tests: valid synthetic IDs and real files in a temp dir.
// Not imported by production code.
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { crc32 } from "node:zlib";
import ExcelJS from "exceljs";
import { checkChar } from "@/lib/id-number/id-number";

/** A valid 18-character ID: county 430524, birth date from `n`, sequence from `n`. */
export function syntheticId(n: number, county = "430524"): string {
  const birth = new Date(Date.UTC(1950, 0, 1) + (n % 18_000) * 86_400_000);
  const ymd = birth.toISOString().slice(0, 10).replace(/-/g, "");
  const first17 = `${county}${ymd}${String(Math.floor(n / 18_000) % 1000).padStart(3, "0")}`;
  return first17 + checkChar(first17);
}

/** An ID with the last character wrong. */
export function badCheckId(n: number): string {
  const id = syntheticId(n);
  const wrong = "0123456789X".split("").find((c) => c !== id[17])!;
  return id.slice(0, 17) + wrong;
}

export async function tempDir(): Promise<{ dir: string; file: (name: string) => string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "rosters-test-"));
  return { dir, file: (name) => join(dir, name), remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Lines joined as CSV text (cells quoted only when needed). */
export function csvText(rows: readonly (readonly string[])[], newline = "\r\n"): string {
  const cell = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(cell).join(",")).join(newline) + newline;
}

/** Writes a large file chunk by chunk without holding it in memory. */
export async function writeStreamed(path: string, chunks: Iterable<Buffer | string>): Promise<void> {
  const out = createWriteStream(path);
  for (const chunk of chunks) {
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

export type XlsxCell = string | number | Date | null | ExcelJS.CellValue;

/** A real .xlsx written by exceljs (extra sheets after the first); `dateColumns` (1-based) get a date format. */
export async function writeXlsxFile(path: string, rows: readonly (readonly XlsxCell[])[], options: { sheets?: string[]; dateColumns?: number[] } = {}): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const names = options.sheets ?? ["名单"];
  const sheet = workbook.addWorksheet(names[0]);
  for (const name of names.slice(1)) workbook.addWorksheet(name).addRow(["这不是名单"]);
  for (const row of rows) sheet.addRow([...row]);
  for (const col of options.dateColumns ?? []) sheet.getColumn(col).numFmt = "yyyy-mm-dd";
  await workbook.xlsx.writeFile(path);
}

/** A minimal zip (stored, no compression) with the given entries: for "a zip, but not a workbook". */
export function storedZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
