"use client";

import type { TrialClaimRow } from "@/lib/policies/domain/trial-form";

// One claim as a row of the 试算 form. Each input is labelled "第N笔 <column>",
// so a screen reader (and a test) finds it by the words on the page.

type Key = keyof TrialClaimRow;
type Column = { key: Key; label: string; kind: "date" | "money" | "flag" | "setting" | "level" };

export const CLAIM_COLUMNS: readonly Column[] = [
  { key: "date", label: "就医日期", kind: "date" },
  { key: "setting", label: "就医类型", kind: "setting" },
  { key: "hospitalLevel", label: "医院等级", kind: "level" },
  { key: "specialDisease", label: "特殊疾病", kind: "flag" },
  { key: "referred", label: "按规定转诊", kind: "flag" },
  { key: "inCity", label: "市内就医", kind: "flag" },
  { key: "onApplication", label: "依申请救助", kind: "flag" },
  { key: "policyScopeCost", label: "政策范围内费用", kind: "money" },
  { key: "outOfScopeCost", label: "目录外费用", kind: "money" },
  { key: "basicPaid", label: "基本医保已支付", kind: "money" },
  { key: "criticalPaid", label: "大病保险已支付", kind: "money" },
];

const cell = "rounded border bg-white px-2 py-1 text-sm focus:border-brand-600 focus:outline-none";

type Props = { row: TrialClaimRow; index: number; onChange: (change: Partial<TrialClaimRow>) => void; invalid: (key: Key) => boolean };

export function ClaimRowCells({ row, index, onChange, invalid }: Props) {
  return (
    <>
      {CLAIM_COLUMNS.map((c) => {
        const label = `第${index + 1}笔 ${c.label}`;
        const border = invalid(c.key) ? "border-red-500" : "border-slate-300";
        let input: React.ReactNode;
        if (c.kind === "flag") {
          input = <input type="checkbox" aria-label={label} checked={row[c.key] as boolean} onChange={(e) => onChange({ [c.key]: e.target.checked })} />;
        } else if (c.kind === "setting") {
          input = (
            <select aria-label={label} value={row.setting} onChange={(e) => onChange({ setting: e.target.value as TrialClaimRow["setting"] })} className={`${cell} ${border}`}>
              <option value="inpatient">住院</option>
              <option value="outpatient">门诊</option>
            </select>
          );
        } else if (c.kind === "level") {
          input = (
            <select aria-label={label} value={row.hospitalLevel} onChange={(e) => onChange({ hospitalLevel: e.target.value as TrialClaimRow["hospitalLevel"] })} className={`${cell} ${border}`}>
              <option value="1">一级</option>
              <option value="2">二级</option>
              <option value="3">三级</option>
            </select>
          );
        } else {
          input = (
            <input
              aria-label={label}
              type={c.kind === "date" ? "date" : "text"}
              inputMode={c.kind === "money" ? "decimal" : undefined}
              value={row[c.key] as string}
              onChange={(e) => onChange({ [c.key]: e.target.value })}
              className={`${cell} ${border} ${c.kind === "money" ? "w-28 text-right" : ""}`}
            />
          );
        }
        return (
          <td key={c.key} className={`px-1 py-1 ${c.kind === "flag" ? "text-center" : ""}`}>
            {input}
          </td>
        );
      })}
    </>
  );
}
