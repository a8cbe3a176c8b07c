import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { countMyQueue } from "@/lib/applications/count-my-queue";
import { describeActor } from "@/lib/auth/describe-actor";
import { requireContext } from "@/lib/auth/current-actor";
import { countMyNotices } from "@/lib/notices/count-my-notices";
import { countPeopleInJurisdiction } from "@/lib/people/count-people";

export default async function Workbench() {
  const ctx = await requireContext();
  const [shell, people, queue, notices] = await Promise.all([describeActor(ctx), countPeopleInJurisdiction(ctx), countMyQueue(ctx), countMyNotices(ctx)]);
  return (
    <>
      <PageHeader title={`您好，${shell.displayName}`} description={`${shell.jurisdiction} · ${shell.department} · ${shell.role}`} />
      {queue !== null ? (
        <Link
          href="/applications"
          data-testid="my-queue"
          className={`mb-6 block rounded border bg-white p-4 hover:border-brand-600 ${queue.overdue > 0 || queue.urgent > 0 ? "border-red-200" : "border-slate-200"}`}
        >
          <p className="text-sm text-slate-500">依申请救助 · {queue.roleName}</p>
          <p className="mt-1 text-lg">
            待我处理 <strong className="text-2xl">{queue.total}</strong> 件，其中超期{" "}
            <strong className={queue.overdue > 0 ? "text-red-700" : undefined}>{queue.overdue}</strong> 件，加急{" "}
            <strong className={queue.urgent > 0 ? "text-red-700" : undefined}>{queue.urgent}</strong> 件
          </p>
          <span className="mt-1 block text-sm text-brand-700">进入待办列表 →</span>
        </Link>
      ) : null}
      {notices !== null ? (
        <Link href="/notices" data-testid="my-notices" className={`mb-6 block rounded border bg-white p-4 hover:border-brand-600 ${notices.openObjections > 0 ? "border-red-200" : "border-slate-200"}`}>
          <p className="text-sm text-slate-500">季度公示</p>
          <p className="mt-1 text-lg">
            待起草 <strong className="text-2xl">{notices.due}</strong> 个村（社区），草稿 <strong>{notices.drafts}</strong> 份，公示中 <strong>{notices.inWindow}</strong> 份，有未处理异议{" "}
            <strong className={notices.openObjections > 0 ? "text-red-700" : undefined}>{notices.openObjections}</strong> 份
          </p>
          <span className="mt-1 block text-sm text-brand-700">进入公示管理 →</span>
        </Link>
      ) : null}
      {people !== null ? (
        <div className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-3">
          <div className="rounded border border-slate-200 bg-white p-4">
            <p className="text-sm text-slate-500">辖区内登记人员</p>
            <p data-testid="people-count" className="mt-1 text-2xl font-semibold">{people.toLocaleString("zh-CN")}</p>
          </div>
        </div>
      ) : null}
      <h2 className="mb-3 font-medium text-slate-700">我可以办理</h2>
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {shell.nav
          .filter((n) => n.href !== "/")
          .map((n) => (
            <li key={n.href}>
              <Link href={n.href} className="block rounded border border-slate-200 bg-white p-4 hover:border-brand-600">
                <span className="font-medium text-brand-700">{n.label}</span>
                <span className="mt-1 block text-xs text-slate-500">{n.group}</span>
              </Link>
            </li>
          ))}
      </ul>
    </>
  );
}
