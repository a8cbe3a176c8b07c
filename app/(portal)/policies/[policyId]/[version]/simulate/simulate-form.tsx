import { Field, inputClass } from "@/components/ui/form";

/** 测算期间: a plain GET form, so a run is a link that can be shared and reloaded (and exported with the same period). */
export function SimulateForm({ from, to, errors }: { from: string; to: string; errors: { from?: string; to?: string } }) {
  return (
    <form method="get" className="flex flex-wrap items-start gap-4 rounded border border-slate-200 bg-white p-4" data-testid="simulate-form">
      <input type="hidden" name="run" value="1" />
      <div className="w-48">
        <Field label="起始日期" error={errors.from}>
          <input type="date" name="from" defaultValue={from} className={inputClass} required />
        </Field>
      </div>
      <div className="w-48">
        <Field label="截止日期" error={errors.to}>
          <input type="date" name="to" defaultValue={to} className={inputClass} required />
        </Field>
      </div>
      <div className="pt-6">
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">开始测算</button>
      </div>
      <p className="basis-full text-sm text-slate-600">
        按所选期间本辖区已导入的结算记录和参保缴费记录，分别按现行政策和本草案计算，结果只用于比较，不保存为结算结果。期间从某年年中开始时，该年此前的就医记录只用于累计起付线和限额，不计入合计。
      </p>
    </form>
  );
}
