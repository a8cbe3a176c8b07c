import { Table, Td, Th } from "@/components/ui/table";
import type { ClaimsUploadResult } from "@/lib/claims/domain/claims-upload-response";

/** The rows of an import that corrected stored claims: which 结算流水号, and each column's old and new value. */
export function CorrectedRows({ rows }: { rows: ClaimsUploadResult["correctedRows"] }) {
  return (
    <div data-testid="corrected-rows">
      <h3 className="mb-2 text-sm font-medium text-slate-700">更正的结算记录（同一结算流水号内容有变化：原记录作废留档，此人当年的记录已按新内容重新结算）</h3>
      <Table>
        <thead>
          <tr>
            <Th>行号</Th>
            <Th>结算流水号</Th>
            <Th>更正内容（原 → 新）</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.externalId} data-testid="corrected-row">
              <Td className="tabular-nums">{r.row}</Td>
              <Td className="whitespace-nowrap">{r.externalId}</Td>
              <Td>
                <ul className="space-y-0.5">
                  {r.changes.map((c) => (
                    <li key={c.column}>
                      <span className="text-slate-500">{c.column}</span> <span className="tabular-nums">{c.from}</span> → <span className="tabular-nums font-medium">{c.to}</span>
                    </li>
                  ))}
                </ul>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
