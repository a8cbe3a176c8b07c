import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { describeActor } from "@/lib/auth/describe-actor";
import { requireContext } from "@/lib/auth/current-actor";
import { countPeopleInJurisdiction } from "@/lib/people/count-people";

export default async function Workbench() {
  const ctx = await requireContext();
  const [shell, people] = await Promise.all([describeActor(ctx), countPeopleInJurisdiction(ctx)]);
  return (
    <>
      <PageHeader title={`您好，${shell.displayName}`} description={`${shell.jurisdiction} · ${shell.department} · ${shell.role}`} />
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
