import type { ReadableLine, ReadableSection } from "@/lib/policies/domain/readable-sections";

/** One rule: the sentence, its document and paragraph, the document's words, and whether it is a default to check. */
export function PolicyLine({ line }: { line: ReadableLine }) {
  const s = line.source;
  return (
    <li className="space-y-1">
      <p>
        {line.text}
        {s ? (
          <span title={s.document} className="ml-2 inline-block rounded bg-slate-100 px-1.5 py-0.5 text-xs whitespace-nowrap text-slate-600">
            来源：{s.ref}
          </span>
        ) : null}
        {line.defaulted ? (
          <span data-testid="defaulted" className="ml-2 inline-block rounded border border-amber-200 bg-amber-50 px-1.5 py-0.5 text-xs whitespace-nowrap text-amber-800">
            默认值，请按本地办法核对
          </span>
        ) : null}
      </p>
      {s?.quote ? (
        <blockquote className="border-l-2 border-slate-300 pl-3 text-xs leading-relaxed text-slate-600">原文：“{s.quote}”</blockquote>
      ) : null}
      {s?.note && s.note !== line.text ? <p className="pl-3 text-xs text-amber-800">默认值依据：{s.note}</p> : null}
    </li>
  );
}

/** The record as the documents write it: one heading per section, each rule with its source paragraph and words. */
export function PolicySections({ sections }: { sections: ReadableSection[] }) {
  return (
    <div data-testid="policy-sections" className="space-y-5">
      {sections.map((s) => (
        <section key={s.title} className="rounded border border-slate-200 bg-white p-4">
          <h2 className="mb-2 font-medium text-slate-800">{s.title}</h2>
          <ul className="space-y-3 text-sm leading-relaxed">
            {s.lines.map((line, i) => (
              <PolicyLine key={i} line={line} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
