import type ExcelJS from "exceljs";

/** The footer every personal-data export ends with (lib/export/audited-export.ts), for `username`. */
export function stampPattern(username: string): RegExp {
  const u = username.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^导出人：\\S+（${u}） 导出时间：\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d（北京时间）$`);
}

/** The text of a sheet's last row, first cell: where the exporter and the time are written. */
export function lastLine(sheet: ExcelJS.Worksheet): string {
  return String(sheet.getRow(sheet.rowCount).getCell(1).value);
}
