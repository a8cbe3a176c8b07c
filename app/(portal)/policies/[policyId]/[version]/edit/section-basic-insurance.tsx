"use client";

import { CATEGORIES } from "@/lib/categories/categories";
import { AddButton, Card, CategoryPicker, SourceFields, TextField, newSource } from "./fields";
import { useEditor, type Json } from "./editor-context";

// 基本医保 (used only when a claim carries no settled basicPaid), the PKU
// special-food rule (004 §二(二)3 五) and the enrolment target (参保率目标).

const LEVELS = [
  ["level1", "一级医院"],
  ["level2", "二级医院"],
  ["level3", "三级医院"],
] as const;

export function BasicInsuranceSection() {
  const b = ["basicInsurance"];
  return (
    <div className="space-y-3">
      <p className="text-xs text-slate-500">就医记录已带基本医保结算金额时以记录为准；以下参数只在记录没有该金额时用于计算。</p>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <TextField label="年度起付线（住院和门诊合计）" unit="元" path={[...b, "deductiblePerYear", "amount"]} />
        <TextField label="年度最高支付限额（不填即不设）" unit="元" nullable path={[...b, "annualCap", "amount"]} />
        <div className="hidden lg:block" />
        <SourceFields path={[...b, "deductiblePerYear", "source"]} label="起付线依据" />
        <SourceFields path={[...b, "annualCap", "source"]} label="最高支付限额依据" />
      </div>
      {(["inpatient", "outpatient"] as const).map((setting) => (
        <Card key={setting} testId={`basic-ratios-${setting}`} title={`${setting === "inpatient" ? "住院" : "门诊"}支付比例（起付线以上的政策范围内费用）`}>
          {LEVELS.map(([level, name]) => (
            <TextField key={level} label={name} unit="%" path={[...b, "ratios", setting, level]} />
          ))}
        </Card>
      ))}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <SourceFields path={[...b, "ratios", "source"]} label="支付比例依据" />
      </div>
    </div>
  );
}

export function SpecialFoodSection() {
  const { record, set } = useEditor();
  const food: Json = record.specialFood ?? null;
  const path = ["specialFood"];
  if (!food) {
    return (
      <div className="space-y-2 text-sm">
        <p className="text-slate-600">本政策未设特殊食品（苯丙酮尿症特殊治疗食品）救助。</p>
        <AddButton
          onClick={() =>
            set(path, {
              kind: "pku",
              name: "苯丙酮尿症特殊治疗食品救助",
              categories: [],
              bands: [
                { maxAge: 18, ratioPercent: "", annualLimit: "" },
                { maxAge: null, ratioPercent: "", annualLimit: "" },
              ],
              source: newSource(record),
            })
          }
        >
          设立特殊食品救助
        </AddButton>
      </div>
    );
  }
  const bands: Json[] = food.bands ?? [];
  const setBands = (next: Json[]) => set([...path, "bands"], next.map((band, i) => ({ ...band, maxAge: i === next.length - 1 ? null : band.maxAge })));
  return (
    <div className="space-y-3">
      <Card title="特殊食品救助" testId="special-food" onRemove={() => set(path, null)}>
        <TextField label="名称" path={[...path, "name"]} wide />
        <CategoryPicker label="救助对象类别（不限类别的患者，请同时勾选“普通参保人员”）" path={[...path, "categories"]} choices={CATEGORIES} />
        <SourceFields path={[...path, "source"]} />
      </Card>
      {bands.map((band, i) => {
        const last = i === bands.length - 1;
        const prev = bands[i - 1]?.maxAge;
        const p = [...path, "bands", i];
        return (
          <Card
            key={i}
            testId={`food-band-${i}`}
            title={`年龄段 ${i + 1}${last ? `（${typeof prev === "number" ? `${prev} 岁以上` : "各年龄"}）` : ""}`}
            onRemove={bands.length > 1 ? () => setBands(bands.filter((_, j) => j !== i)) : undefined}
          >
            {last ? (
              <p className="self-end pb-1.5 text-sm text-slate-500">不设年龄上限</p>
            ) : (
              <TextField label="年龄上限（含）" unit="周岁" integer path={[...p, "maxAge"]} />
            )}
            <TextField label="救助比例" unit="%" path={[...p, "ratioPercent"]} />
            <TextField label="年度限额" unit="元" path={[...p, "annualLimit"]} />
          </Card>
        );
      })}
      <AddButton
        onClick={() => {
          const top = bands.slice(0, -1).reduce((m: number, b: Json) => (typeof b.maxAge === "number" ? Math.max(m, b.maxAge) : m), 0);
          setBands([...bands.slice(0, -1), { maxAge: top + 10, ratioPercent: "", annualLimit: "" }, ...bands.slice(-1)]);
        }}
      >
        增加年龄段
      </AddButton>
    </div>
  );
}

export function CoverageTargetSection() {
  const { record, set } = useEditor();
  const target: Json = record.coverageTarget ?? null;
  if (!target) {
    return (
      <div className="space-y-2 text-sm">
        <p className="text-slate-600">文件未设定救助对象参保率目标，参保统计不显示目标线。</p>
        <AddButton onClick={() => set(["coverageTarget"], { percent: "", source: newSource(record) })}>设定参保率目标</AddButton>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <p className="text-xs text-slate-500">只填救助对象（困难群众）的参保率目标；“常住人口参保率”是全体人口的口径，不在此填写。</p>
      <Card title="救助对象参保率目标" testId="coverage-target" onRemove={() => set(["coverageTarget"], null)}>
        <TextField label="参保率不低于（两位小数，如 99.00）" unit="%" path={["coverageTarget", "percent"]} />
        <SourceFields path={["coverageTarget", "source"]} />
      </Card>
    </div>
  );
}
