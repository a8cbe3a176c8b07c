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
import { listPeople } from "@/lib/people/list-people";
import { IdSearch } from "./id-search";

export const metadata: Metadata = { title: "救助对象" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function PeoplePage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const filters = { division: param(sp.division), name: param(sp.name) };
  const ctx = await requireContext();
  const result = await loadForPage(() => listPeople(ctx, { ...filters, page: pageParam(sp.page) }));
  return (
    <>
      <PageHeader title="救助对象" description="本辖区登记人员。身份证号默认脱敏显示，查看完整号码需相应权限并留痕。" />
      <IdSearch />
      <form className="mb-4 flex flex-wrap items-end gap-3" method="get">
        <label className="text-sm">
          姓名
          <input name="name" defaultValue={filters.name} className={`${inputClass} w-40`} />
        </label>
        <label className="text-sm">
          区划代码
          <input name="division" defaultValue={filters.division} placeholder="12位，可选" className={`${inputClass} w-44`} />
        </label>
        <button className="rounded bg-brand-600 px-4 py-2 text-sm text-white">查询</button>
      </form>
      {!result.ok ? (
        <Notice tone="error" testId="page-error">{result.error.message}</Notice>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-500">共 {result.data.total.toLocaleString("zh-CN")} 人</p>
          <Table testId="people-table">
            <thead>
              <tr><Th>姓名</Th><Th>身份证号</Th><Th>性别</Th><Th>出生年份</Th><Th>村（社区）</Th></tr>
            </thead>
            <tbody>
              {result.data.rows.map((p) => (
                <tr key={p.id} data-division={p.divisionCode}>
                  <Td><Link className="text-brand-600 hover:underline" href={`/people/${p.id}`}>{p.name}</Link></Td>
                  <Td className="font-mono">{p.idNumberMasked}</Td>
                  <Td>{p.sex === "male" ? "男" : "女"}</Td>
                  <Td>{p.birthYear}</Td>
                  <Td>{p.divisionName ?? p.divisionCode}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pager page={result.data.page} hasMore={result.data.hasMore} params={filters} path="/people" />
        </>
      )}
    </>
  );
}
