"use client";

import { AddButton, Card, CategoryPicker, KindSelect, SelectField, SourceFields, TextField, newSource } from "./fields";
import { getAt, useEditor, type Json, type Path } from "./editor-context";

// 资助参保: per group of categories, how much of the individual contribution
// is paid and from which fund; an optional second tier.

const KINDS: [string, string][] = [["percent", "按比例资助"], ["fixed", "定额资助"], ["none", "不资助"]];
const FUNDS: [string, string][] = [["medical_assistance", "医疗救助基金"], ["finance", "财政"]];
const PAYERS: [string, string][] = [["personal", "个人"], ["medical_assistance", "医疗救助基金"], ["finance", "财政"]];
const BASES: [string, string][] = [["tier1", "一档个人缴费标准"], ["chosen_tier", "所选档次个人缴费"]];

function AmountFields({ path, label }: { path: Path; label: string }) {
  const { record, set } = useEditor();
  const a = getAt(record, path) ?? { kind: "none" };
  const kind = (k: string) =>
    set(path, k === "percent" ? { kind: k, percent: "", of: "tier1", fundedBy: a.fundedBy ?? "medical_assistance", source: a.source }
      : k === "fixed" ? { kind: k, amount: "", fundedBy: a.fundedBy ?? "medical_assistance", remainder: { paidBy: "personal" }, source: a.source }
      : { kind: k, source: a.source });
  return (
    <>
      <KindSelect label={label} value={a.kind} options={KINDS} onChange={kind} />
      {a.kind === "percent" ? <TextField label="资助比例" unit="%" path={[...path, "percent"]} /> : null}
      {a.kind === "percent" ? <SelectField label="资助基数" path={[...path, "of"]} options={BASES} /> : null}
      {a.kind === "fixed" ? <TextField label="每人每年" unit="元" path={[...path, "amount"]} /> : null}
      {a.kind !== "none" ? <SelectField label="资金来源" path={[...path, "fundedBy"]} options={FUNDS} /> : null}
      {a.kind === "fixed" ? <SelectField label="其余部分由谁负担" path={[...path, "remainder", "paidBy"]} options={PAYERS} /> : null}
      <SourceFields path={[...path, "source"]} label={`${label}依据`} />
    </>
  );
}

export function SubsidySection() {
  const { record, set } = useEditor();
  const rules: Json[] = record.subsidy?.rules ?? [];
  const add = () => set(["subsidy", "rules"], [...rules, { categories: [], tier1: { kind: "percent", percent: "", of: "tier1", fundedBy: "medical_assistance", source: newSource(record) } }]);
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <TextField label="参保年度起" unit="年" integer path={["subsidy", "years", "from"]} />
        <TextField label="参保年度止（不填即长期）" unit="年" integer optional path={["subsidy", "years", "to"]} />
      </div>
      {rules.map((r, i) => {
        const p = ["subsidy", "rules", i];
        return (
          <Card key={i} testId={`subsidy-rule-${i}`} title={`资助参保规则 ${i + 1}`} onRemove={() => set(["subsidy", "rules"], rules.filter((_, j) => j !== i))}>
            <CategoryPicker label="资助对象" path={[...p, "categories"]} />
            <TextField label="适用参保年度起（不填即不限）" unit="年" integer optional path={[...p, "fromYear"]} />
            <TextField label="适用参保年度止（不填即不限）" unit="年" integer optional path={[...p, "toYear"]} />
            <div className="hidden lg:block" />
            <AmountFields path={[...p, "tier1"]} label="一档" />
            {r.tier2 ? (
              <AmountFields path={[...p, "tier2"]} label="二档" />
            ) : (
              <div className="sm:col-span-2 lg:col-span-3">
                <AddButton onClick={() => set([...p, "tier2"], { kind: "percent", percent: "100", of: "tier1", fundedBy: "medical_assistance", source: r.tier1?.source ?? newSource(record) })}>另设二档资助</AddButton>
              </div>
            )}
          </Card>
        );
      })}
      <AddButton onClick={add}>添加资助参保规则</AddButton>
    </div>
  );
}
