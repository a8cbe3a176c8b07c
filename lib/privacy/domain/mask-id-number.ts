// The one ID-number mask of the portal. Two levels only, because the masked
// digits of an 18-digit number are its birth date and order code: showing
// more than the first 6 (the division of registration) and the last 4 lets
// anyone rebuild the number, and even those 10 digits plus a birth date shown
// beside them rebuild it too — lists show the birth year at most.
//   "first6last4" — staff lists and exports: 430524********1234
//   "none"        — public lists (公示): nothing at all
export type IdMask = "first6last4" | "none";

/** The strictest level: what a public list uses unless the policy in force says otherwise. */
export const STRICTEST_ID_MASK: IdMask = "none";

const SURROGATE = /[\uD800-\uDFFF]/;

/** Staff display mask: first 6 and last 4; a short or odd value is hidden whole. */
export function maskIdNumber(id: string): string {
  const t = id.trim();
  // Counted in code points; without a surrogate pair, a UTF-16 unit is one (a list masks 50 a request).
  if (!SURROGATE.test(t)) return t.length <= 10 ? "*".repeat(t.length) : `${t.slice(0, 6)}${"*".repeat(t.length - 10)}${t.slice(-4)}`;
  const chars = Array.from(t);
  if (chars.length <= 10) return "*".repeat(chars.length);
  return `${chars.slice(0, 6).join("")}${"*".repeat(chars.length - 10)}${chars.slice(-4).join("")}`;
}

/** What a public list may show of an ID number: null (the column is left out) unless the policy asks for the partial mask. */
export function publicIdNumber(id: string, mask: IdMask = STRICTEST_ID_MASK): string | null {
  return mask === "none" ? null : maskIdNumber(id);
}
