import Link from "next/link";
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { DOCUMENT_ITEMS, DOCUMENT_NAMES } from "@/lib/applications/domain/documents";
import { requireContext } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/domain/can";
import { beijingToday, formatIsoDate, parseIsoDate } from "@/lib/calendar/domain/iso-date";
import { loadForPage } from "@/lib/http/page-errors";
import { param } from "@/lib/http/search-params";
import { getFlagForIntake } from "@/lib/monitoring/flag-intake";
import { getPerson } from "@/lib/people/get-person";
import { listPeople } from "@/lib/people/list-people";
import { openNameSearch } from "@/lib/people/name-search-token";
import { acceptApplicationAction } from "./actions";
import { ApplicantSearch } from "./applicant-search";
import { IntakeForm } from "./intake-form";

export const metadata: Metadata = { title: "受理依申请救助" };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** 受理: find the applicant in the township's register (step 1), then record the written application (step 2). */
export default async function NewApplicationPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const ctx = await requireContext();
  // Only the township clerk accepts applications; the use case refuses anyone else on submit as well.
  if (!can(ctx.actor.user, "applications.intake")) forbidden();
  // 主动发现: only the flag's id travels in the URL; the person and the claims come from the flag.
  const flagParam = param(sp.flag);
  const flag = flagParam ? await loadForPage(() => getFlagForIntake(ctx, flagParam)) : null;
  if (flag && !flag.ok) return <><PageHeader title="受理依申请救助" /><Notice tone="error" testId="page-error">{flag.error.message}</Notice></>;
  const fromFlag = flag?.ok ? flag.data : null;
  const personId = fromFlag?.personId ?? param(sp.person);
  const q = param(sp.q);
  const name = openNameSearch(q);
  const header = <PageHeader title="受理依申请救助" description="申请人向户籍所在地乡镇（街道）提出书面申请。先查找申请人，再登记申请信息和材料。" actions={<Link href="/applications" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">返回待办列表</Link>} />;

  if (personId) {
    const person = await loadForPage(() => getPerson(ctx, personId));
    if (!person.ok) return <>{header}<Notice tone="error" testId="page-error">{person.error.message}</Notice></>;
    const p = person.data;
    const today = beijingToday();
    return (
      <>
        {header}
        <div data-testid="applicant" className="mb-6 flex flex-wrap items-center gap-x-6 gap-y-1 rounded border border-brand-100 bg-brand-50 px-4 py-3 text-sm">
          <span className="text-slate-500">申请人</span>
          <strong className="text-base">{p.name}</strong>
          <span className="font-mono">{p.idNumberMasked}</span>
          <span>{p.place}</span>
          <Link href="/applications/new" className="ml-auto text-brand-600 hover:underline">重新选择申请人</Link>
        </div>
        {fromFlag ? (
          <Notice tone="info" testId="from-flag">
            主动发现：来自监测预警（{fromFlag.year} 年{fromFlag.ruleName}，负担 {fromFlag.figure} 元，标准 {fromFlag.threshold} 元）。受理后将勾选该预警所计入的 {fromFlag.claimIds.length} 笔结算记录，预警自动办结并关联本案件。
          </Notice>
        ) : null}
        <IntakeForm
          today={today}
          // 容缺受理: a missing item is due, by default, two weeks from today (the clerk may change it).
          defaultDocumentDue={formatIsoDate(parseIsoDate(today) + 14)}
          documents={DOCUMENT_ITEMS.map((item) => ({ item, name: DOCUMENT_NAMES[item] }))}
          action={acceptApplicationAction.bind(null, p.id, fromFlag ? { id: fromFlag.id, claimIds: fromFlag.claimIds } : null)}
        />
      </>
    );
  }

  const matches = name ? await loadForPage(() => listPeople(ctx, { name, page: 1 })) : null;
  return (
    <>
      {header}
      <ApplicantSearch name={name} />
      {q && !name ? <Notice tone="info">姓名查询条件已失效，请重新输入姓名后查找。</Notice> : null}
      {matches && !matches.ok ? <Notice tone="error">{matches.error.message}</Notice> : null}
      {matches?.ok ? (
        matches.data.rows.length === 0 ? (
          <Notice tone="info" testId="no-applicant">本乡镇（街道）登记人员中没有姓名含“{name}”的人员。尚未登记的人员须先经名单报送或户籍信息登记后再受理。</Notice>
        ) : (
          <Table testId="applicant-matches">
            <thead>
              <tr><Th>姓名</Th><Th>身份证号</Th><Th>出生年份</Th><Th>户籍所在地</Th><Th>当前救助类别</Th><Th></Th></tr>
            </thead>
            <tbody>
              {matches.data.rows.map((m) => (
                <tr key={m.id}>
                  <Td className="whitespace-nowrap">{m.name}</Td>
                  <Td className="font-mono whitespace-nowrap">{m.idNumberMasked}</Td>
                  <Td>{m.birthYear}</Td>
                  <Td className="whitespace-nowrap">{m.place}</Td>
                  <Td>{m.categoryName ?? <span className="text-slate-400">—</span>}</Td>
                  <Td><Link href={`/applications/new?person=${m.id}`} className="whitespace-nowrap text-brand-600 hover:underline">为其受理申请</Link></Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )
      ) : null}
      {matches?.ok && matches.data.hasMore ? <p className="mt-2 text-sm text-slate-500">只显示前 {matches.data.rows.length} 人，请输入更完整的姓名缩小范围。</p> : null}
    </>
  );
}
