import { Table, Td, Th } from "@/components/ui/table";
import type { RosterBoard } from "@/lib/rosters/get-roster-board";
import { StatusBadge } from "./status-badge";

/** Months (rows) × departments and the consolidation (columns). */
export function BoardTable({ board, showConsolidation }: { board: RosterBoard; showConsolidation: boolean }) {
  return (
    <Table testId="roster-board">
      <thead>
        <tr>
          <Th>名单月份</Th>
          <Th>报送截止日</Th>
          {board.departments.map((d) => (
            <Th key={d.code}>{d.name}</Th>
          ))}
          {showConsolidation ? <Th>汇总比对（期限）</Th> : null}
        </tr>
      </thead>
      <tbody>
        {board.months.map((m) => (
          <tr key={m.month} data-month={m.month}>
            <Td className="font-medium whitespace-nowrap">{m.month}</Td>
            <Td className="whitespace-nowrap">
              {m.deadline ?? "—"}
              {m.rolled ? <span className="block text-xs text-slate-500">{m.rolled}</span> : null}
              {m.problem ? <span className="block max-w-48 text-xs text-amber-700">{m.problem}</span> : null}
            </Td>
            {m.cells.map((c) => (
              <Td key={c.department}>
                <div data-department={c.department}>
                  <StatusBadge status={c.status} name={c.statusName} />
                  {c.firstAt ? (
                    // Timeliness is the first send's; the figures all belong to the latest list, shown with its own time.
                    <span className="mt-1 block text-xs text-slate-600" data-testid="board-cell-detail">
                      {c.sends > 1 ? (
                        <>
                          首次 {c.firstAt} · <strong className="font-medium">共 {c.sends} 次报送</strong>
                          <br />
                          最近一次 {c.lastAt}：
                        </>
                      ) : (
                        <>
                          {c.firstAt} 报送
                          <br />
                        </>
                      )}
                      {/* Each figure keeps its number: a narrow column wraps between them, never inside one. */}
                      <span className="whitespace-nowrap">{c.rows?.toLocaleString("zh-CN")} 行</span> ·{" "}
                      <span className="whitespace-nowrap">新增 {c.added?.toLocaleString("zh-CN")}</span> ·{" "}
                      <span className="whitespace-nowrap">减少 {c.removed?.toLocaleString("zh-CN")}</span>
                    </span>
                  ) : null}
                </div>
              </Td>
            ))}
            {showConsolidation ? (
              <Td className="whitespace-nowrap">
                <StatusBadge status={m.consolidation.status} name={m.consolidation.statusName} />
                <span className="mt-1 block text-xs text-slate-600">
                  期限 {m.consolidationDue ?? "—"}
                  {m.consolidation.lastAt ? (
                    <>
                      <br />
                      {m.consolidation.lastAt} 完成 · {m.consolidation.persons?.toLocaleString("zh-CN")} 人
                    </>
                  ) : null}
                </span>
              </Td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
