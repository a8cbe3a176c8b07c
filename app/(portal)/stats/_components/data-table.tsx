import Link from "next/link";
import { formatCell, type FigureTable } from "@/lib/statistics/domain/figure-tables";

// A figure's numbers one click away: the table under its chart, closed by
// default (opened for print), with the .xlsx of the same rows. A row of a
// division below drills down to it when `drill` gives its link.

export function DataTable({ table, exportHref, drill, open = false }: { table: FigureTable; exportHref: string; drill?: (division: string) => string; open?: boolean }) {
  return (
    // The export link sits beside the summary, not in it: a click on it must not open or close the table.
    <div className="relative mt-2">
    <a href={exportHref} className="no-print absolute top-1.5 right-3 z-10 rounded border border-brand-600 bg-white px-2.5 py-0.5 text-xs text-brand-700 hover:bg-brand-50" data-testid={`export-${table.id}`}>
      导出 Excel
    </a>
    <details className="stats-table group rounded border border-slate-200 bg-white" open={open} data-testid={`table-${table.id}`}>
      <summary className="no-print cursor-pointer list-none py-2 pr-28 pl-3 text-sm text-brand-700 select-none">
        <span className="inline-block transition group-open:rotate-90">▸</span> 查看数据表：{table.title}
      </summary>
      <div className="overflow-x-auto border-t border-slate-200">
        <p className="print-only hidden px-3 pt-2 text-sm font-medium">{table.title}</p>
        <table className="min-w-full text-sm tabular-nums">
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.key} className={`bg-slate-50 px-3 py-1.5 font-medium whitespace-nowrap text-slate-600 ${c.kind === "text" ? "text-left" : "text-right"}`}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={r.division ?? `row-${i}`} className={r.total ? "bg-slate-50 font-semibold" : ""} data-division={r.division}>
                {table.columns.map((c, j) => {
                  const text = formatCell(c.kind, r.cells[c.key]);
                  return (
                    <td key={c.key} className={`border-t border-slate-100 px-3 py-1.5 whitespace-nowrap ${c.kind === "text" ? "text-left" : "text-right"}`} data-key={c.key}>
                      {j === 0 && r.division && drill ? (
                        <Link href={drill(r.division)} className="text-brand-700 hover:underline">
                          {text}
                        </Link>
                      ) : (
                        text
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {table.note ? <p className="px-3 py-2 text-xs text-slate-500">{table.note}</p> : null}
      </div>
    </details>
    </div>
  );
}
