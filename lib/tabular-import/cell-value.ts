// Normalises an exceljs cell value to the text a clerk sees, for validation.

/** Excel keeps 15 significant digits; a longer integer (an 18-digit ID typed as a number) has lost its tail. */
export const MAX_EXACT_DIGITS = 15;

export type CellText = { text: string; lossy: boolean };

const EXACT: CellText = { text: "", lossy: false };

function isoDate(date: Date): string {
  // exceljs builds dates from the serial number in UTC.
  if (Number.isNaN(date.getTime())) return "";
  const y = date.getUTCFullYear();
  const m = String(date.getUTCMonth() + 1).padStart(2, "0");
  const d = String(date.getUTCDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

function numberText(n: number): CellText {
  if (!Number.isFinite(n)) return EXACT;
  if (Number.isInteger(n)) {
    // toFixed avoids "4.30524195803e+17"; the lossy flag says the digits are not the clerk's.
    return { text: n.toFixed(0), lossy: Math.abs(n) >= 10 ** MAX_EXACT_DIGITS };
  }
  return { text: String(n), lossy: false };
}

export function cellText(value: unknown): CellText {
  if (value === null || value === undefined) return EXACT;
  if (typeof value === "string") return { text: value, lossy: false };
  if (typeof value === "number") return numberText(value);
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", lossy: false };
  if (value instanceof Date) return { text: isoDate(value), lossy: false };
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    // Rich text: { richText: [{ text }, …] }
    if (Array.isArray(v.richText)) {
      return { text: v.richText.map((r) => (r as { text?: unknown }).text ?? "").join(""), lossy: false };
    }
    // Formula (also shared formula): the cached result, which is what Excel shows.
    if ("formula" in v || "sharedFormula" in v) return cellText(v.result);
    // Hyperlink: { text, hyperlink }
    if ("text" in v) return cellText(v.text);
    // Error value: { error: "#N/A" } — shown as Excel shows it; validation rejects it.
    if (typeof v.error === "string") return { text: v.error, lossy: false };
  }
  return { text: String(value), lossy: false };
}
