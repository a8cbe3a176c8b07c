import { Field, inputClass } from "@/components/ui/form";
import type { computeDeadlines, DeadlineQuery, DeadlineStep } from "@/lib/calendar/compute-deadlines";

type Deadlines = Awaited<ReturnType<typeof computeDeadlines>>;
type Props = { query: DeadlineQuery; year: number | null; result: Deadlines | null; error: { field?: string; message: string } | null };

const KIND: Record<DeadlineStep["kind"], string> = { workday: "工作日", weekend: "周末", holiday: "放假", makeup: "调休上班" };
const withWeekday = (s: DeadlineStep) => `${s.date}（${s.weekday}）`;

function Steps({ steps }: { steps: DeadlineStep[] }) {
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-brand-600">逐日核对（{steps.length} 天）</summary>
      <ol className="mt-1 max-h-72 overflow-y-auto text-xs" data-testid="deadline-steps">
        {steps.map((s) => (
          <li key={s.date} className={s.working ? "" : "text-slate-400"}>
            {withWeekday(s)} {s.holiday ?? KIND[s.kind]}
            {s.counted !== null ? `，第 ${s.counted} 个工作日` : "，不计"}
          </li>
        ))}
      </ol>
    </details>
  );
}

/**
 * 计算期限: addWorkingDays and the monthly roster deadline with the calendar in
 * force, as a GET form so that a result can be shared as a link.
 */
export function DeadlineTool({ query, year, result, error }: Props) {
  const err = (f: string) => (error?.field === f ? error.message : undefined);
  const add = result?.add;
  const roster = result?.roster;
  return (
    <section className="space-y-3 rounded border border-slate-200 bg-white p-5" aria-labelledby="deadline-tool">
      <h2 id="deadline-tool" className="font-medium">计算期限</h2>
      <p className="text-sm text-slate-600">
        按现行日历计算：起始日当天不计，从次日起数满 N 个工作日（跳过周末和法定节假日，计入调休上班日）；N 为 0 时取当天，遇休息日顺延。名单报送截止日为当月5日，遇休息日顺延。
      </p>
      <form method="get" action="/admin/calendar#deadline-tool" className="grid gap-3 sm:grid-cols-3" noValidate>
        {year ? <input type="hidden" name="year" value={year} /> : null}
        <Field label="起始日期（如受理日）" error={err("date")}>
          <input name="date" type="date" defaultValue={query.date} className={inputClass} />
        </Field>
        <Field label="工作日天数 N" error={err("n")}>
          <input name="n" inputMode="numeric" defaultValue={query.n} placeholder="如 10" className={inputClass} />
        </Field>
        <Field label="名单月份（YYYY-MM）" error={err("month")}>
          <input name="month" defaultValue={query.month} placeholder="如 2025-10" className={inputClass} />
        </Field>
        <div className="sm:col-span-3">
          <button className="rounded bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700">计算</button>
        </div>
      </form>
      {error && !error.field ? <p className="text-sm text-red-700">{error.message}</p> : null}
      {add ? (
        <div className="text-sm" data-testid="deadline-add">
          {add.date} 起 {add.n} 个工作日：<strong className="text-base">{withWeekday(add.steps.at(-1)!)}</strong>
          {add.provisionalNotice ? <p data-testid="deadline-provisional" className="mt-1 text-amber-800">{add.provisionalNotice}</p> : null}
          <Steps steps={add.steps} />
        </div>
      ) : null}
      {roster ? (
        <p className="text-sm" data-testid="deadline-roster">
          {roster.month} 名单报送截止日：<strong className="text-base">{roster.result}</strong>
          {roster.fifth.working ? "（5日为工作日）" : `（5日为${roster.fifth.holiday ?? "周末"}，顺延）`}
          {roster.provisionalNotice ? <span className="block text-amber-800">{roster.provisionalNotice}</span> : null}
        </p>
      ) : null}
    </section>
  );
}
