import "server-only";
import type { Db, Tx } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { toCsv } from "./domain/csv";
import { exporterStamp } from "./domain/exporter-stamp";
import type { CellValue, Sheet } from "./domain/sheet";
import { toXlsx } from "./domain/xlsx";

// Every export of personal data goes through here, so none can forget either
// half: the file names its exporter and the time (a footer on every sheet),
// and the audit log records who exported what, when, and how many rows. The
// audit row is written after the file is built, in `db` (the caller's
// transaction when it has one); if it cannot be written, no file is handed out.

export type ExportAudit = {
  action: string;
  objectType: string;
  objectId: string;
  detail?: Record<string, unknown>;
  /** The caller's transaction; defaults to ctx.db. */
  db?: Db | Tx;
  /** For tests; defaults to now. */
  now?: Date;
};

type Row = Record<string, CellValue>;

async function* counted(rows: Sheet["rows"], count: { n: number }): AsyncGenerator<Row> {
  for await (const row of rows) {
    count.n++;
    yield row;
  }
}

async function audit(ctx: UseCaseContext, spec: ExportAudit, at: Date, rows: Record<string, number>): Promise<void> {
  const total = Object.values(rows)[0] ?? 0;
  await insertAudit(
    spec.db ?? ctx.db,
    auditRow(ctx.actor, {
      action: spec.action,
      objectType: spec.objectType,
      objectId: spec.objectId,
      // `rows`: rows of the first sheet (the people or records); `sheetRows`: every sheet.
      detail: { ...spec.detail, rows: total, sheetRows: rows, exportedAt: at.toISOString() },
    }),
  );
}

/** The sheets as .xlsx with the exporter's footer, audited. */
export async function auditedXlsx(ctx: UseCaseContext, sheets: readonly Sheet[], spec: ExportAudit): Promise<Buffer> {
  const at = spec.now ?? new Date();
  const footer = [exporterStamp(ctx.actor.user, at)];
  const counts = sheets.map(() => ({ n: 0 }));
  const body = await toXlsx(sheets.map((s, i) => ({ ...s, rows: counted(s.rows, counts[i]!), footer: [...(s.footer ?? []), ...footer] })));
  await audit(ctx, spec, at, Object.fromEntries(sheets.map((s, i) => [s.name, counts[i]!.n])));
  return body;
}

/** One sheet as CSV (UTF-8 with BOM) with the exporter's footer, audited. */
export async function auditedCsv(ctx: UseCaseContext, sheet: { name: string; columns: Sheet["columns"]; rows: readonly Row[] }, spec: ExportAudit): Promise<Buffer> {
  const at = spec.now ?? new Date();
  const body = toCsv({ ...sheet, footer: [exporterStamp(ctx.actor.user, at)] });
  await audit(ctx, spec, at, { [sheet.name]: sheet.rows.length });
  return body;
}
