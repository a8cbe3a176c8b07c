import { Notice } from "@/components/ui/notice";
import { Table, Td, Th } from "@/components/ui/table";
import { requireContext } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors/app-error";
import { getPersonRosterHistory } from "@/lib/rosters/get-person-roster-history";
import { CategoryOnDateTool } from "../../rosters/_components/category-on-date";

/**
 * 救助类别: the consolidated category history (validity dates, source list;
 * nothing overwritten), "category on date", and each department's roll
 * entries behind it.
 */
export async function CategorySection({ personId }: { personId: string }) {
  let data: Awaited<ReturnType<typeof getPersonRosterHistory>>;
  try {
    data = await getPersonRosterHistory(await requireContext(), personId);
  } catch (err) {
    if (err instanceof AppError) return <Notice tone="error">{err.message}</Notice>;
    throw err;
  }
  return (
    <section aria-labelledby="category-section" className="mt-8 space-y-4" data-testid="category-section">
      <h2 id="category-section" className="text-lg font-semibold">救助类别</h2>
      <CategoryOnDateTool personId={personId} initial={data.today} />
      <Table testId="category-history">
        <thead>
          <tr><Th>救助类别</Th><Th>起始日期</Th><Th>截止日期</Th><Th>来源名单</Th></tr>
        </thead>
        <tbody>
          {data.history.map((h, i) => (
            <tr key={i} className={h.superseded ? "text-slate-400" : undefined}>
              <Td className="font-medium">{h.categoryName}</Td>
              <Td>{h.from}</Td>
              <Td>{h.superseded ? "（该月重新汇总，已更正）" : (h.to ?? "至今")}</Td>
              <Td>{h.source}</Td>
            </tr>
          ))}
          {data.history.length === 0 ? <tr><Td className="text-slate-500">未经汇总比对确定过救助类别</Td></tr> : null}
        </tbody>
      </Table>
      <h3 className="font-medium">各部门名单记录</h3>
      <Table testId="roll-entries">
        <thead>
          <tr><Th>报送部门</Th><Th>类别</Th><Th>认定日期</Th><Th>在册起</Th><Th>在册止</Th><Th>列入依据</Th><Th>退出依据</Th></tr>
        </thead>
        <tbody>
          {data.memberships.map((m) => (
            <tr key={m.id}>
              <Td>{m.department}</Td>
              <Td>{m.category}</Td>
              <Td>{m.certifiedOn}</Td>
              <Td>{m.from}</Td>
              <Td>{m.to ?? "至今"}</Td>
              <Td className="text-xs">{m.openedBy}</Td>
              <Td className="text-xs">{m.closedBy ?? "—"}</Td>
            </tr>
          ))}
          {data.memberships.length === 0 ? <tr><Td className="text-slate-500">不在任何部门的名单上</Td></tr> : null}
        </tbody>
      </Table>
    </section>
  );
}
