// Formula-injection defence for spreadsheet exports (OWASP "CSV Injection",
// ASVS 1.2.10). Excel, WPS and LibreOffice read a cell whose first character is
// = + - @ TAB CR (ASVS adds NUL) as a formula, e.g. `=HYPERLINK(...)` in a
// person's name or note typed into a roster. OWASP's recommendation is to prefix
// such a cell with a single quote so every spreadsheet program reads it as text.
//
// Why the apostrophe rather than relying on the xlsx cell type: exceljs already
// writes strings as string cells (never `<f>`), but the value would turn into a
// live formula as soon as a clerk edits the cell (F2, Enter), copies it into
// another sheet, or saves the workbook as CSV; exceljs cannot set Excel's
// `quotePrefix` style either. The visible apostrophe in plain-text consumers is
// the price OWASP accepts for that.

const TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r", "\n", "\0"]);

/** True when a spreadsheet program would treat `value` as a formula. */
export function isFormulaLike(value: string): boolean {
  return value.length > 0 && TRIGGERS.has(value[0]!);
}

/** Prefixes formula-like text with `'`; any other text is returned unchanged. */
export function neutralizeCell(value: string): string {
  return isFormulaLike(value) ? `'${value}` : value;
}
