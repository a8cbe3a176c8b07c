import { TableFileError } from "./errors";

// One way to read the header row of every import file (rosters, claims,
// enrolment): Chinese headers, English aliases and the source systems' own
// variants, in any order. A file-level problem (blank, unknown or repeated
// header cell, missing required column) is a TableFileError naming the cell.

export type HeaderSpec<K extends string> = {
  keys: readonly K[];
  headers: Record<K, string>;
  aliases: Record<K, readonly string[]>;
  required: readonly K[];
  /** The sentence shown for an unknown header, e.g. "表头应为：身份证号、姓名…（备注可省略）". */
  expected: string;
};

export type HeaderLayout<K extends string> = {
  index: Partial<Record<K, number>>;
  /** Number of header cells (trailing empty ones, which Excel writes for formatted columns, not counted). */
  width: number;
  /** Present columns in file order. */
  columns: K[];
};

/** Header cells as people type them: "*身份证号", "身份证号 ", "ID Number", "division-code", "费用（元）". */
export function normalizeHeader(cell: string): string {
  return cell
    .replace(/^\uFEFF/, "")
    .trim()
    .replace(/^[*＊]+|[*＊]+$/g, "")
    .toLowerCase()
    .replace(/[\s_\-.（）()]/g, "");
}

/** Keeps garbage headers (random bytes decoded as text) short in a message. */
export function clipHeader(text: string): string {
  let printable = "";
  for (const ch of text) printable += ch < " " || ch === "\u007f" || ch === "\ufffd" ? "?" : ch;
  return printable.length > 20 ? `${printable.slice(0, 20)}…` : printable;
}

export function headerResolver<K extends string>(spec: HeaderSpec<K>): (cells: readonly string[], headerRow?: number) => HeaderLayout<K> {
  const lookup = new Map<string, K>();
  for (const key of spec.keys) for (const alias of [spec.headers[key], key, ...spec.aliases[key]]) lookup.set(normalizeHeader(alias), key);

  return (cells, headerRow = 1) => {
    let width = cells.length;
    while (width > 0 && cells[width - 1]!.trim() === "") width--;
    const index: Partial<Record<K, number>> = {};
    const columns: K[] = [];
    for (let i = 0; i < width; i++) {
      const raw = cells[i]!.replace(/^\uFEFF/, "").trim();
      if (raw === "") throw new TableFileError("empty_header", `第 ${i + 1} 列没有表头，请填写表头或删除该列`, { row: headerRow });
      const key = lookup.get(normalizeHeader(raw));
      if (!key) throw new TableFileError("unknown_column", `无法识别的列“${clipHeader(raw)}”，${spec.expected}`, { column: clipHeader(raw), row: headerRow });
      if (index[key] !== undefined) {
        const name = spec.headers[key];
        throw new TableFileError("duplicate_column", `“${name}”列出现了两次（第 ${index[key]! + 1} 列和第 ${i + 1} 列），请只保留一列`, { column: name, row: headerRow });
      }
      index[key] = i;
      columns.push(key);
    }
    const missing = spec.required.filter((k) => index[k] === undefined);
    if (missing.length > 0) {
      throw new TableFileError("missing_column", `缺少必填列：${missing.map((k) => spec.headers[k]).join("、")}，请按模板补齐表头`, {
        column: spec.headers[missing[0]!],
        row: headerRow,
      });
    }
    return { index, width, columns };
  };
}
