import { Table, Td, Th } from "@/components/ui/table";
import { formatYuan } from "@/lib/money/money";

type Totals = { people: number; contribution: string; subsidy: string; personal: string; medicalAssistance: string; finance: string; personalFunding: string };
type CategoryRow = { category: string; name: string; people: number; contribution: string; subsidy: string; personal: string; medicalAssistance: string; finance: string };

/** The ledger's totals: who pays (医疗救助基金 / 财政 / 个人) and the split by category. */
export function LedgerTotals({ totals, byCategory }: { totals: Totals; byCategory: CategoryRow[] }) {
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_1fr]">
      <div>
        <h2 className="mb-2 font-medium">按资金来源</h2>
        <Table testId="totals-by-source">
          <thead>
            <tr><Th>资金来源</Th><Th className="text-right">金额</Th></tr>
          </thead>
          <tbody>
            <tr><Td>医疗救助基金</Td><Td className="text-right font-mono" >{formatYuan(totals.medicalAssistance)}</Td></tr>
            <tr><Td>财政</Td><Td className="text-right font-mono">{formatYuan(totals.finance)}</Td></tr>
            <tr><Td>个人</Td><Td className="text-right font-mono">{formatYuan(totals.personalFunding)}</Td></tr>
            <tr className="font-medium"><Td>合计（{totals.people} 人个人缴费）</Td><Td className="text-right font-mono">{formatYuan(totals.contribution)}</Td></tr>
          </tbody>
        </Table>
      </div>
      <div>
        <h2 className="mb-2 font-medium">按类别（缴费当日身份）</h2>
        <Table testId="totals-by-category">
          <thead>
            <tr><Th>类别</Th><Th className="text-right">人数</Th><Th className="text-right">资助合计</Th><Th className="text-right">其中医疗救助基金</Th><Th className="text-right">其中财政</Th><Th className="text-right">个人负担</Th></tr>
          </thead>
          <tbody>
            {byCategory.map((c) => (
              <tr key={c.category}>
                <Td>{c.name}</Td>
                <Td className="text-right">{c.people}</Td>
                <Td className="text-right font-mono">{formatYuan(c.subsidy)}</Td>
                <Td className="text-right font-mono">{formatYuan(c.medicalAssistance)}</Td>
                <Td className="text-right font-mono">{formatYuan(c.finance)}</Td>
                <Td className="text-right font-mono">{formatYuan(c.personal)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </div>
  );
}
