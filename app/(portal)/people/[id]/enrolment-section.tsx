import { Notice } from "@/components/ui/notice";
import { Table, Td, Th } from "@/components/ui/table";
import { requireContext } from "@/lib/auth/current-actor";
import { getPersonEnrolment } from "@/lib/enrolment/get-person-enrolment";
import { AppError } from "@/lib/errors/app-error";
import { formatYuan } from "@/lib/money/money";

/** 参保与资助: enrolment status by year, the subsidy received (amount and who paid), and any 未参保 case. */
export async function EnrolmentSection({ personId }: { personId: string }) {
  let years: Awaited<ReturnType<typeof getPersonEnrolment>>;
  try {
    years = await getPersonEnrolment(await requireContext(), personId);
  } catch (err) {
    if (err instanceof AppError) return <Notice tone="error">{err.message}</Notice>;
    throw err;
  }
  return (
    <section aria-labelledby="enrolment-section" className="mt-8 space-y-3" data-testid="enrolment-section">
      <h2 id="enrolment-section" className="text-lg font-semibold">参保与资助参保</h2>
      <Table testId="enrolment-years">
        <thead>
          <tr><Th>参保年度</Th><Th>参保情况</Th><Th>缴费日身份</Th><Th className="text-right">资助</Th><Th>资金来源</Th><Th>未参保销号</Th></tr>
        </thead>
        <tbody>
          {years.map((y) => (
            <tr key={y.year}>
              <Td className="font-medium">{y.year}</Td>
              <Td>
                {y.enrolment
                  ? `已参保（${y.enrolment.tier}，个人缴费标准 ${formatYuan(y.enrolment.contribution)}，${y.enrolment.paidOn} 缴费${y.enrolment.feeExempt ? "，免缴人员" : ""}）`
                  : <span className="text-red-700">未参保</span>}
              </Td>
              <Td>{y.subsidy?.category ?? (y.enrolment ? "缴费当日无救助身份" : "")}</Td>
              <Td className="text-right font-mono">{y.subsidy ? formatYuan(y.subsidy.amount) : ""}</Td>
              <Td className="text-xs">{y.subsidy ? y.subsidy.funding : ""}</Td>
              <Td>
                {y.unenrolled
                  ? y.unenrolled.status === "open"
                    ? <span className="font-medium text-amber-700">待销号</span>
                    : `已销号：${y.unenrolled.reason ?? ""}${y.unenrolled.note ? `（${y.unenrolled.note}）` : ""}`
                  : ""}
                {y.unenrolled && y.unenrolled.history.length > 0 ? (
                  <ol className="mt-1 space-y-0.5 text-xs text-slate-600" data-testid="case-history" aria-label={`${y.year} 年度销号记录`}>
                    {y.unenrolled.history.map((e, i) => (
                      <li key={i}>{e.at} {e.text} · {e.by}</li>
                    ))}
                  </ol>
                ) : null}
              </Td>
            </tr>
          ))}
          {years.length === 0 ? <tr><Td className="text-slate-500">暂无参保记录</Td></tr> : null}
        </tbody>
      </Table>
    </section>
  );
}
