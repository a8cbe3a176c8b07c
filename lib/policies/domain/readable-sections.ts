import { describePolicy } from "@/lib/policies/domain/describe-policy";
import { documentName, documentNumber } from "@/lib/policies/domain/documents";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";

// describePolicy's sections for the version page and the editor's preview:
// each line with the source it rests on — the document by its 文号 (never a
// file name), the paragraph, the document's own words (`quote`), and whether
// the value is a default the document leaves open, with the reason.

export type ReadableSource = {
  /** "邵医保发〔2021〕32号 §三(八)". */
  ref: string;
  /** "邵阳市医疗保障局等《关于…》（邵医保发〔2021〕32号）", for the tag's title. */
  document: string;
  quote: string | null;
  /** Why a default was chosen (defaulted sources only). */
  note: string | null;
};
export type ReadableLine = { text: string; source: ReadableSource | null; defaulted: boolean };
export type ReadableSection = { title: string; lines: ReadableLine[] };

export const DEFAULTS_TITLE = "文件未明确、采用默认值的项目";

export function readableSections(p: PolicyRecord): ReadableSection[] {
  return describePolicy(p).map((section) => ({
    title: section.title,
    lines: section.lines.map(({ text, source: s }) => ({
      text,
      source: s
        ? {
            ref: `${documentNumber(s.doc)} ${s.paragraph}`,
            document: documentName(s.doc),
            quote: s.quote?.trim() ? s.quote.trim() : null,
            note: s.defaulted && s.note ? s.note : null,
          }
        : null,
      defaulted: s?.defaulted === true,
    })),
  }));
}
