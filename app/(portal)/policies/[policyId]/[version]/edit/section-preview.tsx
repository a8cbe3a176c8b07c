"use client";

import { useMemo } from "react";
import { draftIssues } from "@/lib/policies/domain/draft-issues";
import { readableSections } from "@/lib/policies/domain/readable-sections";
import { validatePolicy } from "@/lib/policies/domain/validate-policy";
import { PolicyLine } from "../policy-sections";
import type { Json } from "./editor-context";

/**
 * The section as the policy page will read it, recomputed from the form on
 * every change with the same describe code. While something is not valid the
 * preview says what, in the same Chinese words the server will use; saving
 * is still decided by the server.
 */
export function SectionPreview({ record, titles, only }: { record: Json; titles: string[]; only?: string }) {
  const view = useMemo(() => {
    const checked = validatePolicy(record);
    if (!checked.ok) return { issues: draftIssues(record) };
    const sections = readableSections(checked.policy).filter((s) => titles.includes(s.title));
    // A section of the form that is one line of a page section (参保率目标 within 资助参保) previews that line.
    return { sections: only ? sections.map((s) => ({ ...s, lines: s.lines.filter((l) => l.text.startsWith(only)) })) : sections };
  }, [record, titles, only]);
  return (
    <aside data-testid="section-preview" className="rounded border border-slate-200 bg-slate-50 p-3 text-sm">
      <h3 className="mb-2 text-sm font-medium text-slate-700">预览（政策页面将显示）</h3>
      {view.issues ? (
        <div className="text-amber-900">
          <p>还有 {view.issues.length} 处需要改正，改正后显示预览：</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-xs">
            {view.issues.slice(0, 6).map((i) => (
              <li key={`${i.path}|${i.message}`}>{i.label}：{i.message}</li>
            ))}
          </ul>
        </div>
      ) : (
        view.sections!.map((s) => (
          <div key={s.title} className="mb-2">
            <h4 className="text-xs font-medium text-slate-500">{s.title}</h4>
            <ul className="mt-1 space-y-2 leading-relaxed">
              {s.lines.map((line, i) => (
                <PolicyLine key={i} line={line} />
              ))}
            </ul>
          </div>
        ))
      )}
    </aside>
  );
}
