"use client";

import { useId } from "react";
import { CATEGORY_INFO, type Category } from "@/lib/categories/categories";
import { POLICY_DOCUMENTS } from "@/lib/policies/domain/documents";
import { getAt, pathKey, useEditor, type Path } from "./editor-context";

// Labelled inputs bound to a path of the record, each with its own Chinese
// error under it. Numbers are typed as text and sent as typed: the server
// decides what is valid ("abc" or 150 % come back as the field's error).

const box = "w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-brand-600 focus:outline-none";
const bad = "border-red-400 bg-red-50";

function Frame({ label, path, id, children, wide }: { label: string; path: Path; id: string; children: React.ReactNode; wide?: boolean }) {
  const { error } = useEditor();
  const message = error(path);
  return (
    <div className={wide ? "sm:col-span-2 lg:col-span-3" : undefined} data-path={pathKey(path)}>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">{label}</label>
      {children}
      {message ? <p data-testid="field-error" className="mt-1 text-xs text-red-700">{message}</p> : null}
    </div>
  );
}

function Unit({ unit, children }: { unit?: string; children: React.ReactNode }) {
  if (!unit) return <>{children}</>;
  return (
    <div className="flex items-center gap-1.5">
      {children}
      <span className="shrink-0 text-sm text-slate-500">{unit}</span>
    </div>
  );
}

/** Text, an amount (元), a percent (%) or a year; `nullable`: an empty box means "not set" (null). */
export function TextField(props: { label: string; path: Path; unit?: string; nullable?: boolean; optional?: boolean; integer?: boolean; placeholder?: string; wide?: boolean }) {
  const { record, set, error } = useEditor();
  const id = useId();
  const value = getAt(record, props.path);
  const onChange = (text: string) => {
    if (props.nullable && text.trim() === "") return set(props.path, null);
    if (props.optional && text.trim() === "") return set(props.path, undefined);
    if (props.integer) return set(props.path, /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : text);
    set(props.path, text);
  };
  return (
    <Frame label={props.label} path={props.path} id={id} wide={props.wide}>
      <Unit unit={props.unit}>
        <input
          id={id}
          value={value === null || value === undefined ? "" : String(value)}
          onChange={(e) => onChange(e.target.value)}
          inputMode={props.unit ? "decimal" : undefined}
          placeholder={props.placeholder ?? (props.nullable || props.optional ? "不填即不设" : undefined)}
          className={`${box} ${error(props.path) ? bad : ""}`}
        />
      </Unit>
    </Frame>
  );
}

export function DateField({ label, path, nullable }: { label: string; path: Path; nullable?: boolean }) {
  const { record, set, error } = useEditor();
  const id = useId();
  const value = getAt(record, path);
  return (
    <Frame label={label} path={path} id={id}>
      <input
        id={id}
        type="date"
        value={value ?? ""}
        onChange={(e) => set(path, nullable && e.target.value === "" ? null : e.target.value)}
        className={`${box} ${error(path) ? bad : ""}`}
      />
    </Frame>
  );
}

/** A choice by its Chinese name; option values are the record's own (a number where the record holds one). */
export function SelectField({ label, path, options }: { label: string; path: Path; options: [string | number | null, string][] }) {
  const { record, set, error } = useEditor();
  const id = useId();
  const value = getAt(record, path);
  const index = options.findIndex(([v]) => v === value);
  return (
    <Frame label={label} path={path} id={id}>
      <select id={id} value={index < 0 ? "" : String(index)} onChange={(e) => set(path, options[Number(e.target.value)]![0])} className={`${box} ${error(path) ? bad : ""}`}>
        {index < 0 ? <option value="">请选择</option> : null}
        {options.map(([, text], i) => (
          <option key={i} value={String(i)}>{text}</option>
        ))}
      </select>
    </Frame>
  );
}

/** A choice that rewrites a whole part of the record (a deductible's kind, a payment's kind): the caller decides what to keep. */
export function KindSelect({ label, value, options, onChange }: { label: string; value: string; options: [string, string][]; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={box}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>{text}</option>
        ))}
      </select>
    </div>
  );
}

export function CheckField({ label, path }: { label: string; path: Path }) {
  const { record, set, error } = useEditor();
  const message = error(path);
  return (
    <div data-path={pathKey(path)}>
      <label className="flex items-center gap-2 pt-5 text-sm text-slate-700">
        <input type="checkbox" checked={getAt(record, path) === true} onChange={(e) => set(path, e.target.checked)} />
        {label}
      </label>
      {message ? <p data-testid="field-error" className="mt-1 text-xs text-red-700">{message}</p> : null}
    </div>
  );
}

/** Categories by their Chinese names; `choices` defaults to the categories this policy covers. */
export function CategoryPicker({ label, path, choices }: { label: string; path: Path; choices?: readonly Category[] }) {
  const { record, set, error, covered } = useEditor();
  const chosen: Category[] = getAt(record, path) ?? [];
  const shown = [...new Set([...(choices ?? covered), ...chosen])];
  const message = error(path);
  const toggle = (c: Category, on: boolean) => set(path, on ? [...chosen, c] : chosen.filter((x) => x !== c));
  return (
    <fieldset className="sm:col-span-2 lg:col-span-3" data-path={pathKey(path)}>
      <legend className="mb-1 text-xs font-medium text-slate-600">{label}</legend>
      <div className={`flex flex-wrap gap-x-4 gap-y-1 rounded border px-2 py-1.5 ${message ? "border-red-400 bg-red-50" : "border-slate-200"}`}>
        {shown.map((c) => (
          <label key={c} className="flex items-center gap-1 text-sm whitespace-nowrap">
            <input type="checkbox" checked={chosen.includes(c)} onChange={(e) => toggle(c, e.target.checked)} />
            {CATEGORY_INFO[c].name}
          </label>
        ))}
      </div>
      {message ? <p data-testid="field-error" className="mt-1 text-xs text-red-700">{message}</p> : null}
    </fieldset>
  );
}

const SETTING_NAMES = [["inpatient", "住院"], ["outpatient", "门诊"]] as const;

export function SettingsPicker({ path }: { path: Path }) {
  const { record, set, error } = useEditor();
  const chosen: string[] = getAt(record, path) ?? [];
  const message = error(path);
  return (
    <div data-path={pathKey(path)}>
      <span className="mb-1 block text-xs font-medium text-slate-600">就医类型</span>
      <div className="flex gap-4 py-1.5">
        {SETTING_NAMES.map(([code, name]) => (
          <label key={code} className="flex items-center gap-1 text-sm">
            <input type="checkbox" checked={chosen.includes(code)} onChange={(e) => set(path, e.target.checked ? [...chosen, code] : chosen.filter((x) => x !== code))} />
            {name}
          </label>
        ))}
      </div>
      {message ? <p data-testid="field-error" className="mt-1 text-xs text-red-700">{message}</p> : null}
    </div>
  );
}

const DOC_OPTIONS: [string, string][] = Object.entries(POLICY_DOCUMENTS).map(([key, d]) => [key, d.number]);

/** Where a value comes from: document by 文号, paragraph, the document's words; opened by itself when it has an error. */
export function SourceFields({ path, label = "依据" }: { path: Path; label?: string }) {
  const { record, error } = useEditor();
  const source = getAt(record, path) ?? {};
  const key = pathKey(path);
  const hasError = ["", ".doc", ".paragraph", ".quote", ".note"].some((s) => error([...path, ...(s ? [s.slice(1)] : [])]));
  const docName = POLICY_DOCUMENTS[source.doc]?.number ?? source.doc ?? "";
  return (
    <details open={hasError || undefined} className="sm:col-span-2 lg:col-span-3 rounded bg-slate-50 px-2 py-1 text-sm" data-path={key}>
      <summary className="cursor-pointer text-xs text-slate-600">
        {label}：{docName} {source.paragraph ?? ""}
        {source.defaulted ? <span className="ml-2 text-amber-800">默认值，请按本地办法核对</span> : null}
        {source.quote ? <span className="ml-2 text-slate-500">“{String(source.quote).slice(0, 40)}{String(source.quote).length > 40 ? "…" : ""}”</span> : null}
      </summary>
      <div className="grid gap-3 py-2 sm:grid-cols-3">
        <SelectField label="依据文件" path={[...path, "doc"]} options={DOC_OPTIONS} />
        <TextField label="条款" path={[...path, "paragraph"]} placeholder="如 §三(六)" />
        <CheckField label="文件未明确，采用默认值" path={[...path, "defaulted"]} />
        <TextField label="原文摘录" path={[...path, "quote"]} wide />
        <TextField label="说明（采用默认值时写明依据）" path={[...path, "note"]} wide />
      </div>
    </details>
  );
}

/** A rule or pool with its number, name and a remove button. */
export function Card({ title, testId, onRemove, children }: { title: string; testId: string; onRemove?: () => void; children: React.ReactNode }) {
  return (
    <div data-testid={testId} className="rounded border border-slate-200 bg-white p-3">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h4 className="text-sm font-medium text-slate-800">{title}</h4>
        {onRemove ? (
          <button type="button" onClick={onRemove} className="rounded border border-red-200 px-2 py-0.5 text-xs text-red-700 hover:bg-red-50">
            删除
          </button>
        ) : null}
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">{children}</div>
    </div>
  );
}

export function AddButton({ onClick, children }: { onClick: () => void; children: React.ReactNode }) {
  return (
    <button type="button" onClick={onClick} className="rounded border border-brand-600 px-3 py-1 text-sm text-brand-700 hover:bg-brand-50">
      ＋ {children}
    </button>
  );
}

/** A fresh source for a new rule: the policy's own document, the paragraph to be filled in. */
export function newSource(record: { effectiveSource?: { doc?: string } }) {
  return { doc: record.effectiveSource?.doc ?? "003", paragraph: "" };
}
