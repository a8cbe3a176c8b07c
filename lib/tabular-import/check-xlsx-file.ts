import { open } from "node:fs/promises";
import { TableFileError } from "./errors";
import { XLSX_TOO_LARGE, xlsxEntriesProblem } from "./xlsx-limits";
import { findCentralDirectory, readCentralDirectory, ZIP_TAIL_BYTES } from "./zip-directory";

// Judges an .xlsx on disk by its zip directory before anything is unpacked:
// reads the end of the file and the central directory (a few KB), never the
// parts. Called by the imports before they take a lock, and by the reader
// when it opens a path. A file that is not a zip at all is left to the reader,
// which names the problem (not a spreadsheet, old .xls, damaged).

const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;

export async function checkXlsxFile(path: string): Promise<void> {
  let file;
  try {
    file = await open(path, "r");
  } catch {
    return; // the reader reports a missing file in its own words
  }
  try {
    const size = (await file.stat()).size;
    const head = Buffer.alloc(4);
    await file.read(head, 0, 4, 0);
    if (head.readUInt32LE(0) !== 0x04034b50) return; // not a zip with entries: not ours to judge
    const tailLength = Math.min(size, ZIP_TAIL_BYTES);
    const tail = Buffer.alloc(tailLength);
    await file.read(tail, 0, tailLength, size - tailLength);
    const where = findCentralDirectory(tail, size);
    if (where === "zip64") throw new TableFileError("xlsx_too_large", XLSX_TOO_LARGE);
    if (!where) return; // damaged: exceljs reports it as unreadable
    if (where.size > MAX_DIRECTORY_BYTES) throw new TableFileError("xlsx_too_large", XLSX_TOO_LARGE);
    const dir = Buffer.alloc(where.size);
    await file.read(dir, 0, where.size, where.offset);
    const entries = readCentralDirectory(dir);
    if (!entries) return;
    const problem = xlsxEntriesProblem(entries);
    if (problem) throw new TableFileError("xlsx_too_large", problem);
  } finally {
    await file.close();
  }
}
