// Name masking shared by lists and (later) public notices: 2 characters → 张*,
// 3 or more → first and last kept (张*三, 欧阳*明); names with a middle dot
// (minority names, 阿不都·热合曼) keep the first character of each part.
export function maskName(name: string): string {
  const n = name.trim();
  if (n.includes("·")) return n.split("·").map((p) => (p ? p[0] + "*".repeat(Math.max(p.length - 1, 1)) : p)).join("·");
  const chars = Array.from(n);
  if (chars.length <= 1) return "*";
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
