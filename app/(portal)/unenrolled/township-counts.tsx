import { Table, Td, Th } from "@/components/ui/table";
import { CASE_REASON_NAMES, CASE_REASONS, type CaseReason } from "@/lib/enrolment/domain/case-reasons";

type Count = { code: string; name: string; open: number; closed: Record<CaseReason, number>; closedTotal: number };

/** Open and closed cases per township, closed ones by reason. */
export function TownshipCounts({ counts }: { counts: Count[] }) {
  return (
    <Table testId="township-counts">
      <thead>
        <tr>
          <Th>乡镇（街道）</Th><Th className="text-right">未销号</Th><Th className="text-right">已销号</Th>
          {CASE_REASONS.map((r) => <Th key={r} className="text-right">{CASE_REASON_NAMES[r]}</Th>)}
        </tr>
      </thead>
      <tbody>
        {counts.map((c) => (
          <tr key={c.code}>
            <Td>{c.name}</Td>
            <Td className="text-right font-medium">{c.open}</Td>
            <Td className="text-right">{c.closedTotal}</Td>
            {CASE_REASONS.map((r) => <Td key={r} className="text-right text-slate-600">{c.closed[r] || ""}</Td>)}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
