import Link from "next/link";
import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { Table, Td, Th } from "@/components/ui/table";
import { inputClass } from "@/components/ui/form";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { pageParam, param } from "@/lib/http/search-params";
import { getPeopleFilterOptions } from "@/lib/people/get-people-filter-options";
import { listPeople } from "@/lib/people/list-people";
import { openNameSearch } from "@/lib/people/name-search-token";
import { filterPeopleAction } from "./actions";
import { DivisionPicker } from "./division-picker";
import { IdSearch } from "./id-search";

export const metadata: Metadata = { title: "救助对象" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function PeoplePage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  // Only codes in the URL (township, village, category) and the name as a sealed
  // token (q); never a name or an ID number in the clear.
  const q = param(sp.q);
  const name = openNameSearch(q);
  const codes = { township: param(sp.township), village: param(sp.village), category: param(sp.category) };
  const filters = { ...codes, name };
  const ctx = await requireContext();
  const options = await loadForPage(() => getPeopleFilterOptions(ctx));
  const result = await loadForPage(() => listPeople(ctx, { ...filters, page: pageParam(sp.page) }));
  return (
    <>
      <PageHeader title="救助对象" description="本辖区登记人员，可按乡镇、村和当前救助类别筛选。身份证号默认脱敏显示，查看完整号码需相应权限并留痕。" />
      <IdSearch />
      <form className="mb-4 flex flex-wrap items-end gap-3" action={filterPeopleAction} data-testid="people-filters">
        {options.ok ? (
          <>
            <DivisionPicker townships={options.data.townships} township={filters.township} village={filters.village} />
            <label className="text-sm">
              当前救助类别
              <select name="category" defaultValue={filters.category ?? ""} className={`${inputClass} block w-48`}>
                <option value="">全部类别</option>
                {options.data.categories.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
              </select>
            </label>
          </>
        ) : null}
        <label className="text-sm">
          姓名
          <input name="name" defaultValue={name} maxLength={50} autoComplete="off" className={`${inputClass} block w-36`} />
        </label>
        <button className="rounded bg-brand-600 px-4 py-2 text-sm text-white">查询</button>
        <Link href="/people" className="px-2 py-2 text-sm text-brand-600 hover:underline">清除条件</Link>
      </form>
      {q && !name ? <Notice tone="info" testId="name-search-expired">姓名查询条件已失效，请重新输入姓名后查询。</Notice> : null}
      {!result.ok ? (
        <Notice tone="error" testId="page-error">{result.error.message}</Notice>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-500">共 {result.data.total.toLocaleString("zh-CN")} 人</p>
          <Table testId="people-table">
            <thead>
              <tr><Th>姓名</Th><Th>身份证号</Th><Th>性别</Th><Th>出生年份</Th><Th>乡镇 / 村（社区）</Th><Th>当前救助类别</Th></tr>
            </thead>
            <tbody>
              {result.data.rows.map((p) => (
                <tr key={p.id} data-division={p.divisionCode}>
                  <Td><Link className="text-brand-600 hover:underline" href={`/people/${p.id}`}>{p.name}</Link></Td>
                  <Td className="font-mono">{p.idNumberMasked}</Td>
                  <Td>{p.sex === "male" ? "男" : "女"}</Td>
                  <Td>{p.birthYear}</Td>
                  <Td className="whitespace-nowrap">{p.place}</Td>
                  <Td>{p.categoryName ?? <span className="text-slate-400">—</span>}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {result.data.rows.length === 0 ? <p className="mt-2 text-sm text-slate-500">没有符合条件的人员。</p> : null}
          <Pager page={result.data.page} hasMore={result.data.hasMore} params={{ ...codes, q }} path="/people" />
        </>
      )}
    </>
  );
}
