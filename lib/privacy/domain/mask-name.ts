import { COMPOUND_SURNAMES } from "./compound-surnames";

// The one name mask of the portal (lists, exports, notices, the public page).
// Counts code points, not UTF-16 units, so a rare character outside the BMP
// (𠮷) is one character and never split into a half surrogate.
//   1 character → *            2 → 张*            3 or more → 张*三
//   compound surname kept: 欧阳明 → 欧阳*, 欧阳明华 → 欧阳*华
//   minority names keep the part before the dot: 买买提·艾力 → 买买提·**
// At least one character is always hidden, so no name is left readable whole.

// Middle dots in use in names: U+00B7 (the standard one), U+2022, U+2027,
// U+30FB and U+FF0E as typed on various input methods.
const DOTS = /[·•‧・．]/u;

const stars = (n: number) => "*".repeat(n);

function maskPlain(chars: string[]): string {
  if (chars.length <= 1) return "*";
  if (chars.length === 2) return `${chars[0]}*`;
  const head = chars.length >= 3 && COMPOUND_SURNAMES.has(chars[0]! + chars[1]!) ? 2 : 1;
  if (chars.length === head + 1) return `${chars.slice(0, head).join("")}*`;
  return `${chars.slice(0, head).join("")}${stars(chars.length - head - 1)}${chars[chars.length - 1]}`;
}

function maskDotted(name: string): string | null {
  const parts = name.split(DOTS);
  const first = parts[0]!;
  const rest = parts.slice(1);
  if (first === "" || rest.every((p) => p === "")) return null;
  // Keep the separators as written; every character after the first part is hidden.
  const seps = name.match(new RegExp(DOTS.source, "gu")) ?? [];
  return first + rest.map((p, i) => seps[i] + stars(Array.from(p).length)).join("");
}

export function maskName(name: string): string {
  const n = name.trim();
  if (n === "") return "";
  if (DOTS.test(n)) {
    const dotted = maskDotted(n);
    if (dotted !== null) return dotted;
  }
  return maskPlain(Array.from(n.replace(new RegExp(DOTS.source, "gu"), "")));
}
