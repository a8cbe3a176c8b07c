"use client";

import { startTransition, useActionState, useState } from "react";
import { Field, inputClass, SubmitButton } from "@/components/ui/form";
import type { ActionResult } from "@/lib/http/action-result";

type Props = {
  today: string;
  /** Default due date for a missing document (容缺受理). */
  defaultDocumentDue: string;
  documents: { item: string; name: string }[];
  action: (prev: ActionResult, form: FormData) => Promise<ActionResult>;
};

const STATUS = [
  { code: "supplied", name: "已提供" },
  { code: "missing", name: "缺件待补（容缺受理）" },
  { code: "waived", name: "免予提供" },
];

/** Step 2: the written application (书面申请) as the clerk records it at the counter. */
export function IntakeForm({ today, defaultDocumentDue, documents, action }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const v = (name: string, fallback = "") => failed?.values?.[name] ?? fallback;
  const err = (name: string) => (failed?.field === name ? failed.message : undefined);
  const [filer, setFiler] = useState(v("filerKind", "self"));
  const [urgent, setUrgent] = useState(v("urgent") === "on");
  const [status, setStatus] = useState<Record<string, string>>(Object.fromEntries(documents.map((d) => [d.item, v(`doc.${d.item}.status`, "supplied")])));
  const known = new Set(["acceptedOn", "urgentReason", "filerKind", "filerName", "filerRelation", "phone", "diagnosisSummary", "bankHolder", "bankName", "bankAccount", ...documents.map((d) => `documents.${d.item}`)]);

  return (
    // Sent by hand, not through `action`: React resets a form after its action, and
    // the controlled selects (申请方式, each document's status) would snap back to
    // their first option while the fields they reveal stay — a failed submission
    // must leave the form exactly as the clerk left it.
    <form
      data-testid="intake-form"
      className="space-y-6"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      <section className="rounded border border-slate-200 bg-white p-4">
        <h2 className="mb-3 font-medium text-slate-800">申请信息</h2>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <Field label="受理日期" error={err("acceptedOn")}>
            <input type="date" name="acceptedOn" max={today} defaultValue={v("acceptedOn", today)} className={inputClass} />
          </Field>
          <Field label="申请方式" error={err("filerKind")}>
            <select name="filerKind" value={filer} onChange={(e) => setFiler(e.target.value)} className={inputClass}>
              <option value="self">本人申请</option>
              <option value="family">家属代办</option>
              <option value="village_committee">村（居）委会代办</option>
            </select>
          </Field>
          <Field label="联系电话" error={err("phone")}>
            <input name="phone" inputMode="tel" maxLength={20} autoComplete="off" defaultValue={v("phone")} placeholder="手机号或带区号的固定电话" className={inputClass} />
          </Field>
          {filer !== "self" ? (
            <Field label={filer === "family" ? "代办人姓名" : "代办人（村委会经办人）"} error={err("filerName")}>
              <input name="filerName" maxLength={50} defaultValue={v("filerName")} className={inputClass} />
            </Field>
          ) : null}
          {filer === "family" ? (
            <Field label="与申请人关系" error={err("filerRelation")}>
              <input name="filerRelation" maxLength={20} defaultValue={v("filerRelation")} placeholder="如：配偶、子女" className={inputClass} />
            </Field>
          ) : null}
          <div className="sm:col-span-3">
            <Field label="诊断摘要" error={err("diagnosisSummary")}>
              <textarea name="diagnosisSummary" rows={2} maxLength={500} defaultValue={v("diagnosisSummary")} placeholder="本年度主要诊断、住院及门诊治疗情况" className={inputClass} />
            </Field>
          </div>
        </div>
        <div className="mt-4 rounded border border-red-100 bg-red-50/50 p-3">
          <label className="flex items-center gap-2 text-sm font-medium text-red-800">
            <input type="checkbox" name="urgent" checked={urgent} onChange={(e) => setUrgent(e.target.checked)} />
            特事特办（突发重特大疾病，优先审核，可当日报送县级）
          </label>
          {urgent ? (
            <div className="mt-2">
              <Field label="特事特办理由" error={err("urgentReason")}>
                <input name="urgentReason" maxLength={200} defaultValue={v("urgentReason")} placeholder="如：突发脑出血，正在县人民医院抢救" className={inputClass} />
              </Field>
            </div>
          ) : null}
        </div>
      </section>

      <section className="rounded border border-slate-200 bg-white p-4">
        <h2 className="mb-1 font-medium text-slate-800">救助金发放账户</h2>
        <p className="mb-3 text-xs text-slate-500">账号和户名加密保存，页面只显示后四位。暂未提供的可以留空，列入支付批次前须补齐。</p>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <Field label="户名" error={err("bankHolder")}>
            <input name="bankHolder" maxLength={50} autoComplete="off" defaultValue={v("bankHolder")} className={inputClass} />
          </Field>
          <Field label="开户行" error={err("bankName")}>
            <input name="bankName" maxLength={100} defaultValue={v("bankName")} placeholder="如：中国农业银行隆回县支行" className={inputClass} />
          </Field>
          <Field label="账号" error={err("bankAccount")}>
            <input name="bankAccount" inputMode="numeric" maxLength={40} autoComplete="off" defaultValue={v("bankAccount")} className={`${inputClass} font-mono`} />
          </Field>
        </div>
      </section>

      <section className="rounded border border-slate-200 bg-white p-4">
        <h2 className="mb-1 font-medium text-slate-800">申请材料</h2>
        <p className="mb-3 text-xs text-slate-500">容缺受理：材料不全也可受理，缺件须写明补交期限；县级审批通过前，缺件须补齐或注明理由免予提供。</p>
        {err("documents") ? <p role="alert" className="mb-2 text-sm text-red-700">{err("documents")}</p> : null}
        <div className="divide-y divide-slate-100">
          {documents.map((d) => {
            const s = status[d.item] ?? "supplied";
            return (
              <fieldset key={d.item} data-document={d.item} className="grid grid-cols-1 items-start gap-3 py-3 sm:grid-cols-[10rem_14rem_1fr]">
                <legend className="sr-only">{d.name}</legend>
                <span className="pt-2 text-sm font-medium text-slate-700">{d.name}</span>
                <select
                  name={`doc.${d.item}.status`}
                  aria-label={`${d.name}的提供情况`}
                  value={s}
                  onChange={(e) => setStatus((prev) => ({ ...prev, [d.item]: e.target.value }))}
                  className={inputClass.replace("mt-1 ", "")}
                >
                  {STATUS.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
                </select>
                <div>
                  {s === "missing" ? (
                    <label className="flex items-center gap-2 text-sm">
                      补交期限
                      <input type="date" name={`doc.${d.item}.dueOn`} aria-label={`${d.name}的补交期限`} min={today} defaultValue={v(`doc.${d.item}.dueOn`, defaultDocumentDue)} className={`${inputClass.replace("mt-1 w-full ", "")} w-44`} />
                    </label>
                  ) : s === "waived" ? (
                    <input name={`doc.${d.item}.waiveReason`} aria-label={`${d.name}免予提供的理由`} maxLength={200} defaultValue={v(`doc.${d.item}.waiveReason`)} placeholder="免予提供的理由" className={inputClass.replace("mt-1 ", "")} />
                  ) : null}
                  {err(`documents.${d.item}`) ? <p role="alert" className="mt-1 text-sm text-red-700">{err(`documents.${d.item}`)}</p> : null}
                </div>
              </fieldset>
            );
          })}
        </div>
      </section>

      <div className="flex items-center gap-4">
        <SubmitButton pending={pending}>受理申请</SubmitButton>
        <span className="text-sm text-slate-500">受理后乡镇审核时限（10 个工作日）自受理日期次日起计算。</span>
      </div>
      {failed && !known.has(failed.field ?? "") ? <p role="alert" data-testid="intake-error" className="text-sm text-red-700">{failed.message}</p> : null}
      {failed && known.has(failed.field ?? "") ? <p role="alert" data-testid="intake-error" className="text-sm text-red-700">请按提示更正后再提交：{failed.message}</p> : null}
    </form>
  );
}
