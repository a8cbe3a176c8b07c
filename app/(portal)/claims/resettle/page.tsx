import Link from "next/link";
import type { Metadata } from "next";
import { inputClass } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireContext } from "@/lib/auth/current-actor";
import { previewResettle } from "@/lib/claims/preview-resettle";
import { loadForPage } from "@/lib/http/page-errors";
import { param } from "@/lib/http/search-params";
import { applyResettleAction } from "./actions";
import { ApplyForm } from "./apply-form";
import { ChangesTable } from "./changes-table";

export const metadata: Metadata = { title: "重新结算" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ResettlePage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const input = { year: param(sp.year), personId: param(sp.person) };
  const applied = param(sp.applied);
  const result = await loadForPage(async () => previewResettle(await requireContext(), input));
  const header = (
    <PageHeader
      title="重新结算"
      description="政策版本或人员类别更正后，按结算日期当天的类别和政策重新计算一年的结算记录。先预览差异（不作任何更改），核对后填写原因再确认；原结果保留为历史记录。"
    />
  );
  if (!result.ok) {
    return (
      <>
        {header}
        <YearForm year={input.year ?? ""} personId={undefined} />
        <Notice tone="error" testId="page-error">{result.error.message}</Notice>
      </>
    );
  }
  const p = result.data;
  const personId = p.scope.person?.id ?? null;
  return (
    <>
      {header}
      <YearForm year={String(p.scope.year)} personId={personId ?? undefined} />
      {applied ? <Notice tone="success" testId="applied">已重新结算 {applied} 条记录，并已记入审计日志。</Notice> : null}
      <p className="mb-3 text-sm text-slate-600" data-testid="resettle-scope">
        范围：{p.scope.person ? <>人员 <Link className="text-brand-600 hover:underline" href={`/people/${personId}/claims?year=${p.scope.year}`}>{p.scope.person.name}</Link></> : "本辖区全部人员"}，{p.scope.year}年；
        核对 {p.personYears} 人的 {p.claims} 条结算记录。
        {p.scope.person ? <> <Link className="text-brand-600 hover:underline" href={`/claims/resettle?year=${p.scope.year}`}>改为本辖区全部人员</Link></> : null}
      </p>
      {p.problems.length > 0 ? (
        <Notice tone="error" testId="resettle-problems">
          以下人员本年的记录无法重新结算，将保持原结果：
          <ul className="mt-1 list-disc pl-5">
            {p.problems.map((x, i) => <li key={i}>{x.personName}（{x.claims} 条）：{x.reason}</li>)}
          </ul>
        </Notice>
      ) : null}
      {p.changes.length === 0 ? (
        <Notice testId="no-changes">按现行类别和政策重新计算，结果与已保存的结算结果完全一致，无需重新结算。</Notice>
      ) : (
        <>
          <p className="mb-2 text-sm font-medium" data-testid="changes-count">
            共 {p.changes.length} 条记录的结算结果将改变（其中金额变化 {p.changes.filter((c) => c.amountsChanged).length} 条）：
          </p>
          <ChangesTable changes={p.changes} />
          <div className="mt-4">
            <ApplyForm action={applyResettleAction} year={p.scope.year} personId={personId} fingerprint={p.fingerprint} count={p.changes.length} />
          </div>
        </>
      )}
    </>
  );
}

function YearForm({ year, personId }: { year: string; personId: string | undefined }) {
  return (
    <form method="get" className="mb-4 flex items-end gap-3">
      <label className="text-sm">
        结算年度
        <input name="year" defaultValue={year} inputMode="numeric" className={`${inputClass} w-28`} />
      </label>
      {personId ? <input type="hidden" name="person" value={personId} /> : null}
      <button className="rounded bg-brand-600 px-4 py-2 text-sm text-white">预览差异</button>
    </form>
  );
}
