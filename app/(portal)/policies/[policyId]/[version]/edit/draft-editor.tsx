"use client";

import { startTransition, useActionState, useMemo, useState } from "react";
import { SubmitButton, inputClass } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import type { DraftIssue } from "@/lib/policies/domain/draft-issues";
import type { DraftSaveResult } from "../../../action-results";
import { EditorContext, pathKey, setAt, type Editor, type Json, type Path } from "./editor-context";
import { JsonPanel } from "./json-panel";
import { AssistanceSection } from "./section-assistance";
import { BasicSection, RankingSection } from "./section-basic";
import { BasicInsuranceSection, CoverageTargetSection, SpecialFoodSection } from "./section-basic-insurance";
import { CriticalSection } from "./section-critical";
import { SectionPreview } from "./section-preview";
import { MonitoringSection, ParametersSection, TiltedSection } from "./section-rules";
import { SubsidySection } from "./section-subsidy";

type Props = { action: (prev: DraftSaveResult, form: FormData) => Promise<DraftSaveResult>; json: string; note: string | null; fileName: string };

/** The editor's sections: which record keys each edits and which headings of the readable page it previews. */
const SECTIONS = [
  { id: "basic", name: "基本信息", keys: ["name", "effectiveFrom", "effectiveTo", "effectiveSource", "id", "version"], titles: ["基本信息"], Form: BasicSection },
  { id: "ranking", name: "类别排序", keys: ["categories", "ranking"], titles: ["救助对象类别"], Form: RankingSection },
  { id: "subsidy", name: "资助参保", keys: ["subsidy"], titles: ["资助参保"], Form: SubsidySection },
  { id: "coverage", name: "参保率目标", keys: ["coverageTarget"], titles: ["资助参保"], only: "救助对象参保率目标", Form: CoverageTargetSection },
  { id: "basicInsurance", name: "基本医保", keys: ["basicInsurance"], titles: ["基本医保"], Form: BasicInsuranceSection },
  { id: "critical", name: "大病保险", keys: ["criticalIllness"], titles: ["大病保险"], Form: CriticalSection },
  { id: "assistance", name: "医疗救助", keys: ["assistance", "limitPools"], titles: ["医疗救助"], Form: AssistanceSection },
  { id: "tilted", name: "倾斜救助/再救助", keys: ["tiltedAssistance"], titles: ["倾斜救助与再救助"], Form: TiltedSection },
  { id: "food", name: "特殊食品", keys: ["specialFood"], titles: ["特殊疾病救助"], Form: SpecialFoodSection },
  { id: "monitoring", name: "监测预警", keys: ["monitoring"], titles: ["监测预警"], Form: MonitoringSection },
  { id: "parameters", name: "年度参数", keys: ["parameters"], titles: ["年度参数"], Form: ParametersSection },
] as const;

const sectionOf = (path: string) => SECTIONS.find((s) => (s.keys as readonly string[]).includes(path.split(/[.[]/)[0]!))?.id ?? null;

/** Every id a rule or pool uses, so a new one gets a fresh `prefix-N`. */
function usedIds(record: Json): Set<string> {
  const lists = [record.limitPools, record.assistance?.rules, record.tiltedAssistance, record.monitoring];
  return new Set(lists.flatMap((l: Json[] | undefined) => (l ?? []).map((x) => x?.id)));
}

/**
 * 编辑草稿 in Chinese forms, one section at a time, each with the live
 * readable preview. The whole record is posted as JSON to the save action,
 * which validates it on the server; its problems come back by field and
 * show under the field (and in the list above, with the section to open).
 */
export function DraftEditor({ action, json, note, fileName }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const [record, setRecord] = useState<Json>(() => JSON.parse(json));
  const [noteText, setNoteText] = useState(note ?? "");
  const [section, setSection] = useState<(typeof SECTIONS)[number]["id"]>("assistance");
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [seen, setSeen] = useState<DraftSaveResult>(null);
  const issues: DraftIssue[] = useMemo(() => (state && !state.ok && "issues" in state ? state.issues : []), [state]);
  if (seen !== state) {
    // A new answer from the server: show all its errors again and open the section of the first.
    setSeen(state);
    setTouched(new Set());
    const first = issues.map((i) => sectionOf(i.path)).find((s) => s !== null);
    if (first) setSection(first);
  }
  const errors = useMemo(() => {
    const map = new Map<string, string>();
    for (const i of issues) if (!touched.has(i.path) && !map.has(i.path)) map.set(i.path, i.message);
    return map;
  }, [issues, touched]);

  const editor: Editor = useMemo(
    () => ({
      record,
      set: (path: Path, value: unknown) => {
        setRecord((r: Json) => setAt(r, path, value));
        setTouched((t) => new Set(t).add(pathKey(path)));
      },
      error: (path: Path) => errors.get(pathKey(path)),
      covered: record.categories ?? [],
      newId: (prefix: string) => {
        const used = usedIds(record);
        let n = 1;
        while (used.has(`${prefix}-${n}`)) n++;
        return `${prefix}-${n}`;
      },
    }),
    [record, errors],
  );
  const current = SECTIONS.find((s) => s.id === section)!;
  const count = (id: string) => [...errors.keys()].filter((p) => sectionOf(p) === id).length;
  const elsewhere = issues.filter((i) => !touched.has(i.path) && sectionOf(i.path) === null);

  return (
    <EditorContext.Provider value={editor}>
      {/* Submitted by hand, not through `action`: React resets a form after its action, which puts every <select> back to its first option while the record keeps the real value. */}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          startTransition(() => formAction(data));
        }}
        className="space-y-4"
        noValidate
      >
        <input type="hidden" name="json" value={JSON.stringify(record)} />
        {state?.ok ? <Notice tone="success" testId="save-result">{state.message}</Notice> : null}
        {state && !state.ok ? (
          <div data-testid="draft-errors" role="alert" className="rounded border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-700">
            <p className="font-medium">{state.message}</p>
            {issues.length > 0 ? (
              <ul className="mt-1 list-disc space-y-0.5 pl-5">
                {issues.map((i) => (
                  <li key={`${i.path}|${i.message}`}>
                    {sectionOf(i.path) ? (
                      <button type="button" className="text-left underline decoration-dotted" onClick={() => setSection(sectionOf(i.path)!)}>{i.label}</button>
                    ) : (
                      <span>{i.label}</span>
                    )}
                    ：{i.message}
                  </li>
                ))}
              </ul>
            ) : null}
            {elsewhere.length > 0 ? <p className="mt-1 text-xs">表单中没有的项目请在下方“高级：JSON 导入导出”中修改。</p> : null}
          </div>
        ) : null}
        <nav aria-label="政策各部分" className="flex flex-wrap gap-1 border-b border-slate-200">
          {SECTIONS.map((s) => (
            <button
              key={s.id}
              type="button"
              aria-current={s.id === section ? "page" : undefined}
              onClick={() => setSection(s.id)}
              className={`-mb-px rounded-t border px-3 py-1.5 text-sm ${s.id === section ? "border-slate-200 border-b-white bg-white font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-brand-700"}`}
            >
              {s.name}
              {count(s.id) > 0 ? <span className="ml-1 rounded-full bg-red-600 px-1.5 text-xs text-white">{count(s.id)}</span> : null}
            </button>
          ))}
        </nav>
        <section aria-label={current.name} data-testid={`section-${current.id}`} className="space-y-4">
          <current.Form />
          <SectionPreview record={record} titles={[...current.titles]} only={"only" in current ? current.only : undefined} />
        </section>
        <div className="flex flex-wrap items-end gap-3 border-t border-slate-200 pt-4">
          <label className="block min-w-80 flex-1">
            <span className="text-sm font-medium text-slate-700">版本说明（可选）</span>
            <input name="note" value={noteText} onChange={(e) => setNoteText(e.target.value)} maxLength={200} className={inputClass} placeholder="如：2027年起依申请救助比例提高到60%" />
          </label>
          <SubmitButton pending={pending}>保存草稿</SubmitButton>
        </div>
        <JsonPanel record={record} fileName={fileName} onImport={(value) => setRecord(value)} />
      </form>
    </EditorContext.Provider>
  );
}
