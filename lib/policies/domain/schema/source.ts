import { z } from "zod";

// Every rule and parameter says where it comes from, so a clerk can check it
// against the document. Same shape as lib/subsidy's SourceRef (doc "000"…"004",
// paragraph "§二(一)") plus an optional quote of the words relied on.

export const sourceSchema = z
  .object({
    /** Seed document number, e.g. "003" (docs/policy.md table of documents). */
    doc: z.string({ error: "须注明文件编号" }).regex(/^\d{3}$/, { error: "文件编号须为三位数字，如 \"003\"" }),
    /** Paragraph of that document, e.g. "§三(六)". */
    paragraph: z.string({ error: "须注明条款" }).trim().min(1, { error: "须注明条款，如 \"§三(六)\"" }),
    /** The document's own words, when short enough to quote. */
    quote: z.string().optional(),
    /** The document leaves the value open: docs/policy.md's (or the product's) default is used. */
    defaulted: z.boolean().optional(),
    note: z.string().optional(),
  })
  .refine((s) => !s.defaulted || (s.note !== undefined && s.note.trim() !== ""), {
    error: "采用默认值（defaulted）时须在 note 中说明依据",
    path: ["note"],
  });
export type Source = z.infer<typeof sourceSchema>;

/** "来源：003 §三(六)" (+ "（默认：…）" when defaulted). */
export function formatSource(source: Source): string {
  const base = `来源：${source.doc} ${source.paragraph}`;
  return source.defaulted ? `${base}（文件未明确，默认：${source.note ?? ""}）` : base;
}
