import { safeCell, type CellValue, type Sheet, type SheetColumn } from "./sheet";

// CSV for people who open it in Excel or WPS: UTF-8 with a BOM (without it
// Chinese Excel reads the file as GBK and shows mojibake), CRLF line ends and
// every text field quoted (RFC 4180, and OWASP's advice so that a neutralised
// value cannot be split by an embedded comma or quote).

export const UTF8_BOM = "\uFEFF";

function field(value: CellValue | undefined): string {
  const cell = safeCell(value);
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell);
  return `"${cell.replace(/"/g, '""')}"`;
}

function line(columns: readonly SheetColumn[], row: Record<string, CellValue> | null): string {
  return `${columns.map((c) => field(row ? row[c.key] : c.header)).join(",")}\r\n`;
}

/** One sheet as a UTF-8 CSV Buffer with BOM (CSV has no sheet names). */
export function toCsv(sheet: { columns: readonly SheetColumn[]; rows: readonly Record<string, CellValue>[]; footer?: readonly string[] }): Buffer {
  const parts: string[] = [UTF8_BOM, line(sheet.columns, null)];
  for (const row of sheet.rows) parts.push(line(sheet.columns, row));
  parts.push(...footerLines(sheet.footer));
  return Buffer.from(parts.join(""), "utf8");
}

// After the rows: a blank line, then each note in the first field.
function footerLines(footer: readonly string[] | undefined): string[] {
  return footer?.length ? ["\r\n", ...footer.map((t) => `${field(t)}\r\n`)] : [];
}

/** The same text line by line (the BOM first), for streaming a large export to a response. */
export async function* csvChunks(sheet: Pick<Sheet, "columns" | "rows" | "footer">): AsyncGenerator<string> {
  yield UTF8_BOM + line(sheet.columns, null);
  for await (const row of sheet.rows) yield line(sheet.columns, row);
  for (const text of footerLines(sheet.footer)) yield text;
}
