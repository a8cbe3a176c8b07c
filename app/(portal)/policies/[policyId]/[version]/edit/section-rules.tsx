"use client";

import { AddButton, Card, CategoryPicker, CheckField, newSource, SelectField, SettingsPicker, SourceFields, TextField } from "./fields";
import { useEditor, type Json } from "./editor-context";

// 倾斜救助 / 再救助 and 监测预警: lists of rules, each with its categories,
// thresholds and source.

const PERIODS: [string, string][] = [["perVisit", "按次（一次就医）"], ["annual", "按年度累计"]];
const COMPARISONS: [string, string][] = [["gte", "达到及以上"], ["gt", "超过"]];
const BASES: [string, string][] = [["aboveThreshold", "超过起付标准的部分"], ["whole", "全部自付费用"]];
const FIGURES: [string, string][] = [["afterThreeTiers", "经基本医保、大病保险和医疗救助后"], ["afterBasicAndCritical", "经基本医保、大病保险后"]];
const PARAMS: [string, string][] = [["priorYearIncome", "上年度人均可支配收入"], ["monitoringStandard", "监测标准"]];

export function TiltedSection() {
  const { record, set, newId } = useEditor();
  const rules: Json[] = record.tiltedAssistance ?? [];
  const poolOptions: [string, string][] = (record.limitPools ?? []).map((p: Json) => [p.id, p.name || `（未命名限额 ${p.id}）`]);
  const add = () =>
    set(["tiltedAssistance"], [
      ...rules,
      {
        id: newId("tilted"), name: "倾斜救助", period: "perVisit", thresholds: [{ categories: [], amount: "" }], comparison: "gte", base: "aboveThreshold",
        ratioPercent: "", pool: record.limitPools?.[0]?.id ?? "", settings: ["inpatient", "outpatient"],
        referral: { referredRequired: false, inCityRequired: false, source: newSource(record) }, source: newSource(record),
      },
    ]);
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">在基本医保、大病保险和医疗救助之后，个人自付仍达到起付标准的部分再予救助；年度限额在“医疗救助”一栏的年度救助限额中设置。</p>
      {rules.map((r, i) => {
        const p = ["tiltedAssistance", i];
        const groups: Json[] = r.thresholds ?? [];
        return (
          <Card key={i} testId={`tilted-rule-${i}`} title={`倾斜救助/再救助规则 ${i + 1}${r.name ? `：${r.name}` : ""}`} onRemove={() => set(["tiltedAssistance"], rules.filter((_, j) => j !== i))}>
            <TextField label="规则名称（结算说明中显示）" path={[...p, "name"]} />
            <TextField label="救助比例" unit="%" path={[...p, "ratioPercent"]} />
            <SelectField label="年度救助限额" path={[...p, "pool"]} options={poolOptions} />
            <SelectField label="计算周期" path={[...p, "period"]} options={PERIODS} />
            <SelectField label="自付费用与起付标准比较" path={[...p, "comparison"]} options={COMPARISONS} />
            <SelectField label="救助基数" path={[...p, "base"]} options={BASES} />
            {groups.map((_, j) => (
              <div key={j} className="grid items-end gap-3 rounded bg-slate-50 p-2 sm:col-span-2 sm:grid-cols-2 lg:col-span-3 lg:grid-cols-3" data-testid={`threshold-${i}-${j}`}>
                <CategoryPicker label={`第 ${j + 1} 组起付标准的对象`} path={[...p, "thresholds", j, "categories"]} />
                <TextField label={`第 ${j + 1} 组起付标准`} unit="元" path={[...p, "thresholds", j, "amount"]} />
                <button type="button" className="mb-1 w-fit rounded border border-red-200 px-2 py-1 text-xs text-red-700 hover:bg-red-50" onClick={() => set([...p, "thresholds"], groups.filter((__, k) => k !== j))}>删除此组</button>
              </div>
            ))}
            <div className="sm:col-span-2 lg:col-span-3">
              <AddButton onClick={() => set([...p, "thresholds"], [...groups, { categories: [], amount: "" }])}>添加一组起付标准</AddButton>
            </div>
            <SettingsPicker path={[...p, "settings"]} />
            <CheckField label="须按规定转诊" path={[...p, "referral", "referredRequired"]} />
            <CheckField label="须在市内就医" path={[...p, "referral", "inCityRequired"]} />
            <SourceFields path={[...p, "source"]} label="规则依据" />
            <SourceFields path={[...p, "referral", "source"]} label="转诊要求依据" />
          </Card>
        );
      })}
      <AddButton onClick={add}>添加倾斜救助/再救助规则</AddButton>
    </div>
  );
}

export function MonitoringSection() {
  const { record, set, newId } = useEditor();
  const rules: Json[] = record.monitoring ?? [];
  const add = () =>
    set(["monitoring"], [
      ...rules,
      { id: newId("monitor"), name: "", categories: [], figure: "afterThreeTiers", includeOutOfScope: false, comparison: "gte", factorPercent: "", parameter: "priorYearIncome", source: newSource(record) },
    ]);
  return (
    <div className="space-y-3">
      {rules.map((r, i) => {
        const p = ["monitoring", i];
        return (
          <Card key={i} testId={`monitoring-rule-${i}`} title={`监测规则 ${i + 1}${r.name ? `：${r.name}` : ""}`} onRemove={() => set(["monitoring"], rules.filter((_, j) => j !== i))}>
            <TextField label="规则名称" path={[...p, "name"]} />
            <SelectField label="个人自付的口径" path={[...p, "figure"]} options={FIGURES} />
            <CheckField label="计入目录外费用" path={[...p, "includeOutOfScope"]} />
            <SelectField label="比较方式" path={[...p, "comparison"]} options={COMPARISONS} />
            <TextField label="预警线为参数的（200 即 2 倍）" unit="%" path={[...p, "factorPercent"]} />
            <SelectField label="参照的年度参数" path={[...p, "parameter"]} options={PARAMS} />
            <CategoryPicker label="监测对象" path={[...p, "categories"]} />
            <SourceFields path={[...p, "source"]} label="规则依据" />
          </Card>
        );
      })}
      {rules.length === 0 ? <p className="text-sm text-slate-500">未配置监测预警规则。</p> : null}
      <AddButton onClick={add}>添加监测规则</AddButton>
    </div>
  );
}

export function ParametersSection() {
  const { record, set } = useEditor();
  const defs: Json[] = record.parameters?.definitions ?? [];
  const values: Json[] = record.parameters?.values ?? [];
  const nextYear = Math.max(new Date().getFullYear(), ...values.map((v) => (typeof v.year === "number" ? v.year + 1 : 0)));
  return (
    <div className="space-y-4">
      <div className="space-y-2">
        <h3 className="text-sm font-medium text-slate-700">参数说明（本地区的参数指什么）</h3>
        {defs.map((_, i) => (
          <Card key={i} testId={`parameter-definition-${i}`} title={`参数 ${i + 1}`} onRemove={() => set(["parameters", "definitions"], defs.filter((__, j) => j !== i))}>
            <SelectField label="参数" path={["parameters", "definitions", i, "name"]} options={PARAMS} />
            <TextField label="在本地区指" path={["parameters", "definitions", i, "label"]} placeholder="如 邵阳市居民上年度人均可支配收入" wide />
          </Card>
        ))}
        <AddButton onClick={() => set(["parameters", "definitions"], [...defs, { name: defs.some((d) => d.name === "priorYearIncome") ? "monitoringStandard" : "priorYearIncome", label: "" }])}>添加参数说明</AddButton>
      </div>
      <div className="space-y-2">
        <h3 className="text-sm font-medium text-slate-700">各年度数值（按适用的结算年度填写：2027 年度适用的“上年度人均可支配收入”即 2026 年的数值）</h3>
        {values.map((v, i) => (
          <Card key={i} testId={`parameter-value-${i}`} title={`${typeof v.year === "number" ? `${v.year} 年度适用` : "年度参数"}`} onRemove={() => set(["parameters", "values"], values.filter((__, j) => j !== i))}>
            <TextField label="适用年度" unit="年" integer path={["parameters", "values", i, "year"]} />
            <SelectField label="参数" path={["parameters", "values", i, "name"]} options={PARAMS} />
            <TextField label="数值" unit="元" path={["parameters", "values", i, "value"]} />
            <SourceFields path={["parameters", "values", i, "source"]} label="数值来源" />
          </Card>
        ))}
        <AddButton onClick={() => set(["parameters", "values"], [...values, { year: nextYear, name: defs[0]?.name ?? "priorYearIncome", value: "", source: newSource(record) }])}>添加年度数值</AddButton>
      </div>
    </div>
  );
}
