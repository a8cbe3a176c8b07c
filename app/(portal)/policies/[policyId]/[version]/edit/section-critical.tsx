"use client";

import { CATEGORIES } from "@/lib/categories/categories";
import { AddButton, Card, CategoryPicker, CheckField, KindSelect, newSource, SelectField, SettingsPicker, SourceFields, TextField } from "./fields";
import { useEditor, type Json } from "./editor-context";

// 大病保险: deductible (fixed or a share of a yearly parameter), one ratio or
// segments on the year's accumulated cost, the cap, the tilt for the poorest
// groups and the special-drug track. For every insured person, so the
// category pickers offer every category.

const PARAMS: [string, string][] = [["priorYearIncome", "上年度人均可支配收入"], ["monitoringStandard", "监测标准"]];

function Deductible() {
  const { record, set } = useEditor();
  const d = record.criticalIllness.deductible;
  const path = ["criticalIllness", "deductible"];
  const kind = (k: string) => set(path, k === "amount" ? { kind: k, amount: "", source: d.source } : { kind: k, parameter: "priorYearIncome", percent: "", source: d.source });
  return (
    <>
      <KindSelect label="起付线" value={d.kind} options={[["amount", "固定金额"], ["parameterShare", "按年度参数的比例"]]} onChange={kind} />
      {d.kind === "amount" ? <TextField label="起付线金额" unit="元" path={[...path, "amount"]} /> : null}
      {d.kind === "parameterShare" ? <SelectField label="参照的年度参数" path={[...path, "parameter"]} options={PARAMS} /> : null}
      {d.kind === "parameterShare" ? <TextField label="起付线为该参数的" unit="%" path={[...path, "percent"]} /> : null}
      <SourceFields path={[...path, "source"]} label="起付线依据" />
    </>
  );
}

function Payment() {
  const { record, set } = useEditor();
  const pay = record.criticalIllness.payment;
  const path = ["criticalIllness", "payment"];
  const kind = (k: string) => set(path, k === "flat" ? { kind: k, ratioPercent: "", source: pay.source } : { kind: k, segments: [{ upTo: null, ratioPercent: "" }], source: pay.source });
  const segments: Json[] = pay.segments ?? [];
  return (
    <>
      <KindSelect label="报销方式" value={pay.kind} options={[["flat", "单一比例"], ["segments", "按年度累计费用分段"]]} onChange={kind} />
      {pay.kind === "flat" ? <TextField label="报销比例" unit="%" path={[...path, "ratioPercent"]} /> : null}
      {pay.kind === "segments" ? (
        <div className="space-y-2 sm:col-span-2 lg:col-span-3">
          {segments.map((_, i) => (
            <div key={i} className="grid items-end gap-3 sm:grid-cols-3" data-testid={`segment-${i}`}>
              <TextField label={`第 ${i + 1} 段上限（最后一段不填）`} unit="元" nullable path={[...path, "segments", i, "upTo"]} />
              <TextField label={`第 ${i + 1} 段报销比例`} unit="%" path={[...path, "segments", i, "ratioPercent"]} />
              <button type="button" className="mb-1 w-fit rounded border border-red-200 px-2 py-1 text-xs text-red-700 hover:bg-red-50" onClick={() => set([...path, "segments"], segments.filter((__, j) => j !== i))}>删除此段</button>
            </div>
          ))}
          <AddButton onClick={() => set([...path, "segments"], [...segments, { upTo: null, ratioPercent: "" }])}>添加分段</AddButton>
        </div>
      ) : null}
      <SourceFields path={[...path, "source"]} label="报销比例依据" />
    </>
  );
}

export function CriticalSection() {
  const { record, set } = useEditor();
  const c = record.criticalIllness;
  if (!c) {
    const start = {
      settings: ["inpatient", "outpatient"], categories: [...CATEGORIES],
      deductible: { kind: "amount", amount: "", source: newSource(record) },
      payment: { kind: "flat", ratioPercent: "", source: newSource(record) },
      annualCap: { amount: null, source: newSource(record) }, tilt: null, specialDrug: null, source: newSource(record),
    };
    return (
      <div className="space-y-2 text-sm">
        <p className="text-slate-600">本政策未规定大病保险标准：结算时须提供大病保险已结算金额。</p>
        <AddButton onClick={() => set(["criticalIllness"], start)}>配置大病保险标准</AddButton>
      </div>
    );
  }
  const p = ["criticalIllness"];
  return (
    <div className="space-y-3">
      <Card testId="critical" title="大病保险（普通参保人员同样适用）" onRemove={() => set(p, null)}>
        <SettingsPicker path={[...p, "settings"]} />
        <CategoryPicker label="适用人员" path={[...p, "categories"]} choices={CATEGORIES} />
        <Deductible />
        <Payment />
        <TextField label="封顶线" unit="元" nullable path={[...p, "annualCap", "amount"]} />
        <SourceFields path={[...p, "annualCap", "source"]} label="封顶线依据" />
        <SourceFields path={[...p, "source"]} label="大病保险依据" />
      </Card>
      {c.tilt ? (
        <Card testId="critical-tilt" title="倾斜支付" onRemove={() => set([...p, "tilt"], null)}>
          <CategoryPicker label="倾斜对象" path={[...p, "tilt", "categories"]} choices={CATEGORIES} />
          <TextField label="起付线按原起付线的（50 即减半）" unit="%" path={[...p, "tilt", "deductibleFactorPercent"]} />
          <TextField label="报销比例提高" unit="个百分点" path={[...p, "tilt", "ratioPointsPercent"]} />
          <CheckField label="倾斜对象取消封顶线" path={[...p, "tilt", "removeCap"]} />
          <SourceFields path={[...p, "tilt", "source"]} label="倾斜支付依据" />
        </Card>
      ) : (
        <AddButton onClick={() => set([...p, "tilt"], { categories: ["tekun", "dibao", "returned_poverty"], deductibleFactorPercent: "50", ratioPointsPercent: "5", removeCap: true, source: newSource(record) })}>添加倾斜支付</AddButton>
      )}
      {c.specialDrug ? (
        <Card testId="critical-drug" title="大病保险特药" onRemove={() => set([...p, "specialDrug"], null)}>
          <CategoryPicker label="适用人员" path={[...p, "specialDrug", "categories"]} choices={CATEGORIES} />
          <TextField label="起付线" unit="元" path={[...p, "specialDrug", "deductible"]} />
          <TextField label="报销比例" unit="%" path={[...p, "specialDrug", "ratioPercent"]} />
          <TextField label="封顶线" unit="元" nullable path={[...p, "specialDrug", "annualCap"]} />
          <SourceFields path={[...p, "specialDrug", "source"]} label="特药依据" />
        </Card>
      ) : (
        <AddButton onClick={() => set([...p, "specialDrug"], { categories: [], deductible: "0", ratioPercent: "", annualCap: null, source: newSource(record) })}>添加大病保险特药</AddButton>
      )}
    </div>
  );
}
