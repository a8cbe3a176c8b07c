import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { getPerson } from "@/lib/people/get-person";
import { CategorySection } from "./category-section";
import { ClaimsSection } from "./claims-section";
import { EnrolmentSection } from "./enrolment-section";
import { RegisterCorrection } from "./register-correction";
import { RevealId } from "./reveal-id";

export const metadata: Metadata = { title: "人员信息" };

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await loadForPage(async () => getPerson(await requireContext(), id));
  if (!result.ok) return <p className="text-red-700">{result.error.message}</p>;
  const p = result.data;
  return (
    <>
      <PageHeader title={p.name} description={p.place} />
      <dl className="grid max-w-2xl grid-cols-[8rem_1fr] gap-y-3 rounded border border-slate-200 bg-white p-5 text-sm">
        <dt className="text-slate-500">身份证号</dt>
        <dd><RevealId personId={p.id} masked={p.idNumberMasked} allowed={p.canRevealId} /></dd>
        <dt className="text-slate-500">性别</dt>
        <dd>{p.sex === "male" ? "男" : "女"}</dd>
        {/* The birth year only: the masked digits are the birth date (查看完整号码 shows it, audited). */}
        <dt className="text-slate-500">出生年份</dt>
        <dd>{p.birthYear}</dd>
        <dt className="text-slate-500">户籍所在地</dt>
        <dd>{p.place}（{p.divisionCode}）</dd>
      </dl>
      <RegisterCorrection personId={p.id} name={p.name} divisionCode={p.divisionCode} />
      <CategorySection personId={p.id} />
      <EnrolmentSection personId={p.id} />
      <ClaimsSection personId={p.id} />
    </>
  );
}
