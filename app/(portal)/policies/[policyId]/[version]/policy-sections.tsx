import type { ReadableSection } from "@/lib/policies/domain/readable-sections";

/** The record as the documents write it: one heading per section, each rule with its source paragraph. */
export function PolicySections({ sections }: { sections: ReadableSection[] }) {
  return (
    <div data-testid="policy-sections" className="space-y-5">
      {sections.map((s) => (
        <section key={s.title} className="rounded border border-slate-200 bg-white p-4">
          <h2 className="mb-2 font-medium text-slate-800">{s.title}</h2>
          <ul className="space-y-2 text-sm leading-relaxed">
            {s.lines.map((line, i) => (
              <li key={i}>
                {line.text}
                {line.source ? <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs whitespace-nowrap text-slate-600">来源：{line.source}</span> : null}
                {line.defaulted ? (
                  <span className="ml-2 rounded border border-amber-200 bg-amber-50 px-1.5 py-0.5 text-xs whitespace-nowrap text-amber-800">按默认值（文件未明确）</span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
