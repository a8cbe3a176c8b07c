import { neutralizeCell } from "./neutralize";

// The sheet description shared by the xlsx and CSV writers.

export type CellValue = string | number | null;

export type SheetColumn = {
  header: string;
  key: string;
  /** Column width in characters; a default is derived from the header. */
  width?: number;
  /** Excel number format, e.g. "@" (text) so ID numbers typed later keep their digits. */
  numFmt?: string;
};

export type Sheet = {
  name: string;
  columns: SheetColumn[];
  /** An array, or any (async) iterable so large exports can be streamed row by row. */
  rows: Iterable<Record<string, CellValue>> | AsyncIterable<Record<string, CellValue>>;
  /** Lines written after the rows and one blank line, in the first column (who exported it and when). */
  footer?: readonly string[];
};

// Excel refuses (asks to "repair") a workbook with a longer cell.
const MAX_CELL_CHARS = 32_767;

/** The value to write: strings neutralised and clipped, non-finite numbers dropped. */
export function safeCell(value: CellValue | undefined): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const text = neutralizeCell(value);
  return text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1)}…` : text;
}

/** Width in Excel character units: CJK characters count double. */
export function defaultWidth(header: string): number {
  let units = 0;
  for (const ch of header) units += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return Math.min(Math.max(units + 4, 10), 60);
}

// Excel forbids : \ / ? * [ ] in sheet names, a leading or trailing apostrophe,
// more than 31 characters and duplicates (case-insensitive); exceljs's streaming
// writer does not check, and Excel then reports the file as damaged.
export function safeSheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, i) => {
    const clipped = raw.replace(/[:\\/?*[\]]/g, "_").slice(0, 31);
    const base = clipped.replace(/^['\s]+|['\s]+$/g, "") || `Sheet${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}_${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}
