"use client";

import { AddButton, Card, CategoryPicker, CheckField, KindSelect, newSource, SelectField, SettingsPicker, SourceFields, TextField } from "./fields";
import { useEditor, type Json } from "./editor-context";

// 医疗救助: the annual limit pools (rules naming one pool share it) and the
// rules, first match in list order.

const DISEASES: [string, string][] = [["any", "各类疾病"], ["special", "特殊疾病"], ["other", "特殊疾病以外的其他疾病"]];
const TRIGGERS: [string, string][] = [["any", "一站式结算和依申请"], ["settlement", "一站式结算"], ["application", "依申请、经审核"]];
const LEVELS: [number | null, string][] = [[null, "不限"], [1, "一级及以上"], [2, "二级及以上"], [3, "三级"]];
const DEDUCTIBLES: [string, string][] = [
  ["none", "不设起付线"],
  ["perYear", "每年一次起付线"],
  ["perApplication", "每次申请一次起付线"],
  ["perYearShare", "每年一次，按年度参数的比例（如上年人均可支配收入的 10%）"],
];
const PARAMETERS: [string, string][] = [["priorYearIncome", "上年度人均可支配收入"], ["monitoringStandard", "监测标准"]];

export function PoolsEditor() {
  const { record, set, newId } = useEditor();
  const pools: Json[] = record.limitPools ?? [];
  const add = () => set(["limitPools"], [...pools, { id: newId("pool"), name: "", annualLimit: "", source: newSource(record) }]);
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-medium text-slate-700">年度救助限额（同一限额下的规则共用额度）</h3>
      {pools.map((pool, i) => (
        <Card key={i} testId={`pool-${i}`} title={`年度救助限额 ${i + 1}`} onRemove={() => set(["limitPools"], pools.filter((_, j) => j !== i))}>
          <TextField label="限额名称" path={["limitPools", i, "name"]} placeholder="如 特殊疾病救助年度限额" />
          <TextField label="年度限额" unit="元" nullable path={["limitPools", i, "annualLimit"]} />
          <KindSelect
            label="与其他限额的关系"
            value={pool.within ?? ""}
            options={[
              ["", "独立限额（不与其他限额共用）"],
              ...pools
                .filter((other, j) => j !== i && !other.within)
                .map((other): [string, string] => [other.id, `同时计入“${other.name || `未命名限额 ${other.id}`}”（共用其额度）`]),
            ]}
            onChange={(v) => set(["limitPools", i, "within"], v === "" ? null : v)}
          />
          <SourceFields path={["limitPools", i, "source"]} />
        </Card>
      ))}
      <AddButton onClick={add}>添加年度救助限额</AddButton>
    </div>
  );
}

function DeductibleFields({ i }: { i: number }) {
  const { record, set } = useEditor();
  const path = ["assistance", "rules", i, "deductible"];
  const d = record.assistance.rules[i].deductible ?? { kind: "none" };
  // Switching kind rewrites the whole deductible, so "none" carries no amount (the schema is strict).
  const kind = (k: string) =>
    set(
      path,
      k === "none"
        ? { kind: k, source: d.source }
        : k === "perYearShare"
          ? { kind: k, parameter: "priorYearIncome", percent: d.percent ?? "", source: d.source }
          : { kind: k, amount: d.amount ?? "", source: d.source },
    );
  return (
    <>
      <KindSelect label="起付线" value={d.kind} options={DEDUCTIBLES} onChange={kind} />
      {d.kind === "perYearShare" ? (
        <>
          <SelectField label="参照的年度参数（各年数值在“年度参数”中填写）" path={[...path, "parameter"]} options={PARAMETERS} />
          <TextField label="起付线占该参数的比例" unit="%" path={[...path, "percent"]} />
        </>
      ) : d.kind !== "none" ? (
        <TextField label="起付线金额" unit="元" path={[...path, "amount"]} />
      ) : (
        <div className="hidden lg:block" />
      )}
    </>
  );
}

export function AssistanceSection() {
  const { record, set, newId } = useEditor();
  const rules: Json[] = record.assistance?.rules ?? [];
  const pools: Json[] = record.limitPools ?? [];
  const poolOptions: [string, string][] = pools.map((p) => [p.id, p.name || `（未命名限额 ${p.id}）`]);
  const add = () =>
    set(["assistance", "rules"], [
      ...rules,
      {
        id: newId("rule"), name: "", categories: [], disease: "any", settings: ["inpatient", "outpatient"], trigger: "settlement",
        minHospitalLevel: null, stayCostAbove: null,
        referral: { referredRequired: true, inCityRequired: false, source: newSource(record) },
        deductible: { kind: "none", source: newSource(record) }, ratioPercent: "", pool: pools[0]?.id ?? "", source: newSource(record),
      },
    ]);
  return (
    <div className="space-y-4">
      <PoolsEditor />
      <div className="space-y-2">
        <h3 className="text-sm font-medium text-slate-700">医疗救助规则（一笔就医按列表顺序适用第一条符合条件的规则）</h3>
        {rules.map((r, i) => {
          const p = ["assistance", "rules", i];
          return (
            <Card key={i} testId={`assistance-rule-${i}`} title={`医疗救助规则 ${i + 1}${r.name ? `：${r.name}` : ""}`} onRemove={() => set(["assistance", "rules"], rules.filter((_, j) => j !== i))}>
              <TextField label="规则名称" path={[...p, "name"]} placeholder="如 特殊疾病救助" />
              <TextField label="救助比例" unit="%" path={[...p, "ratioPercent"]} />
              <SelectField label="年度救助限额" path={[...p, "pool"]} options={poolOptions} />
              <CategoryPicker label="救助对象" path={[...p, "categories"]} />
              <SelectField label="疾病范围" path={[...p, "disease"]} options={DISEASES} />
              <SelectField label="救助方式" path={[...p, "trigger"]} options={TRIGGERS} />
              <SettingsPicker path={[...p, "settings"]} />
              <DeductibleFields i={i} />
              <SelectField label="医院等级" path={[...p, "minHospitalLevel"]} options={LEVELS} />
              <TextField label="单次住院政策范围内费用须超过" unit="元" nullable path={[...p, "stayCostAbove"]} />
              <CheckField label="须按规定转诊" path={[...p, "referral", "referredRequired"]} />
              <CheckField label="须在市内就医" path={[...p, "referral", "inCityRequired"]} />
              <SourceFields path={[...p, "source"]} label="规则依据" />
              <SourceFields path={[...p, "deductible", "source"]} label="起付线依据" />
              <SourceFields path={[...p, "referral", "source"]} label="转诊要求依据" />
            </Card>
          );
        })}
        {rules.length === 0 ? <p className="text-sm text-slate-500">未配置医疗救助规则：结算时医疗救助为 0。</p> : null}
        <AddButton onClick={add}>添加医疗救助规则</AddButton>
      </div>
    </div>
  );
}
