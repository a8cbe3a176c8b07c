import { Table, Td, Th } from "@/components/ui/table";
import type { ResettleChangeView } from "@/lib/claims/plan-resettle";

const TIERS = [
  ["basic", "基本医保"],
  ["critical", "大病保险"],
  ["assistance", "医疗救助"],
  ["tilted", "倾斜救助"],
  ["selfPaid", "个人自付"],
] as const;

const SHOWN = 500;

/** Old against new, per tier; unchanged amounts are shown once, changed ones as "old → new". */
export function ChangesTable({ changes }: { changes: ResettleChangeView[] }) {
  return (
    <>
      <Table testId="resettle-changes">
        <thead>
          <tr>
            <Th>人员</Th><Th>结算日期</Th><Th>结算流水号</Th><Th>类别</Th>
            {TIERS.map(([, label]) => <Th key={label}>{label}</Th>)}
            <Th>变化原因</Th>
          </tr>
        </thead>
        <tbody>
          {changes.slice(0, SHOWN).map((c) => (
            <tr key={c.claimId} data-testid="change-row">
              <Td>{c.personName}</Td>
              <Td>{c.date}</Td>
              <Td className="font-mono text-xs">{c.externalId}</Td>
              <Td>
                <Change before={c.before?.categoryName} after={c.after.categoryName} />
                {c.before && c.before.versionLabel !== c.after.versionLabel ? (
                  <span className="block text-xs text-slate-500">{c.before.versionLabel} → {c.after.versionLabel}</span>
                ) : null}
              </Td>
              {TIERS.map(([key]) => (
                <Td key={key} className="tabular-nums">
                  <Change before={c.before?.[key]} after={c.after[key]} />
                </Td>
              ))}
              <Td className="min-w-48 text-xs text-slate-700">{c.reasons.join("；")}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {changes.length > SHOWN ? <p className="mt-2 text-sm text-slate-500">仅显示前 {SHOWN} 条；确认后全部 {changes.length} 条一并重新结算。</p> : null}
    </>
  );
}

function Change({ before, after }: { before: string | undefined; after: string }) {
  if (before === undefined) return <span>{after}（首次结算）</span>;
  if (before === after) return <span className="text-slate-500">{after}</span>;
  return (
    <span>
      <del className="text-slate-400">{before}</del> → <ins className="font-medium text-amber-800 no-underline">{after}</ins>
    </span>
  );
}
