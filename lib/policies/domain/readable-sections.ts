import { defaultedSources, describePolicy } from "@/lib/policies/domain/describe-policy";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { sourceRef } from "@/lib/policies/domain/rule-text";
import type { Source } from "@/lib/policies/domain/schema/source";

// describePolicy's sections for the version page: each line's text split from
// its "来源：003 §三(六)" so the page can show the paragraph as a tag, and a
// line marked "按默认值（文件未明确）" when every source citing that paragraph
// is a default the document leaves open (a paragraph cited by both a default
// and a quoted value is not marked here; the last section lists every default
// with its reason either way).

export type ReadableLine = { text: string; source: string | null; defaulted: boolean };
export type ReadableSection = { title: string; lines: ReadableLine[] };

const SOURCE = /。来源：(.+)$/;

function allSources(p: PolicyRecord): Source[] {
  const out: Source[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") {
      const o = value as Record<string, unknown>;
      if (typeof o.doc === "string" && typeof o.paragraph === "string") out.push(o as Source);
      else Object.values(o).forEach(walk);
    }
  };
  walk(p);
  return out;
}

export function readableSections(p: PolicyRecord): ReadableSection[] {
  const defaultedRefs = new Set(defaultedSources(p).map(sourceRef));
  const quotedRefs = new Set(allSources(p).filter((s) => !s.defaulted).map(sourceRef));
  const onlyDefaulted = (ref: string) => defaultedRefs.has(ref) && !quotedRefs.has(ref);
  return describePolicy(p).map((section) => {
    const isDefaultsList = section.title === "文件未明确、采用默认值的项目";
    return {
      title: section.title,
      lines: section.lines.map((line) => {
        const m = SOURCE.exec(line);
        const source = m ? m[1]! : null;
        return {
          text: m ? line.slice(0, m.index) : line,
          source,
          defaulted: (isDefaultsList && line !== "无") || (source !== null && onlyDefaulted(source)),
        };
      }),
    };
  });
}
