// Generators for the file-import fuzz suite (tests/integration/fuzz-file-imports.test.ts):
// malformed import files built from a valid table — the table mutated (cells,
// headers, rows), written as CSV in one of many encodings or as an .xlsx (a
// hand-made zip whose XML can be damaged, or a real workbook written by
// exceljs), then possibly damaged byte by byte — and files that are not
// tables at all. Pure: no database, no files. Not imported by production code.
import fc from "fast-check";
import iconv from "iconv-lite";
import ExcelJS from "exceljs";
import { badCheckId, storedZip } from "./roster-files";

export type Table = { header: string[]; rows: string[][] };

/** One upload: the name the browser sends, its bytes, the size of the pieces it arrives in, and what was done to it. */
export type FileCase = { fileName: string; bytes: Buffer; piece: number; note: string };

/** fast-check prints a counterexample by its note, not its (possibly megabyte) bytes. */
export const shortly = (c: FileCase): FileCase => Object.assign(c, { [fc.toStringMethod]: () => `«${c.note}» ${c.fileName} (${c.bytes.length} bytes)` });

// ---- cells ------------------------------------------------------------------

/** Cell texts no column accepts — or accepts only by luck. */
export const badCell: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(
    "", " ", "\u0000", "12\u0000", "\u0000身份证号", "\u0007\u001b[31m", "\u202E0004", "\u202E低保对象", "低保对象\u202E", "１２３", "４３０５２４",
    "123456789012345678901234567890", "-123456789012345678901234567890", "123456789012345678901234567890.12", "0.000000000000000000000000000001",
    "1e309", "1E5", "NaN", "Infinity", "-5", "-0.001", "12.345", "0x10", "1,000", "¥100", "100元",
    "2025-02-30", "2025-13-01", "9999-99-99", "0000-00-00", "99999-01-01", "2025/3/1", "2025年3月1日", "20250301", "45000", "1900-01-00",
    "=1+1", "@SUM(A1)", "+86", '"', '""', 'a"b', "a,b", "a\nb", "a\r\nb", "\r", "\t", ";", "<script>alert(1)</script>", "'; drop table people; --",
    "\uD800", "\uDFFF", "\uFFFD", "\uFEFF", "𠮷𠮷", "x".repeat(300), "名".repeat(5000),
    badCheckId(1), badCheckId(777_777), "43052419500101001x", "43052419500101001", "4305241950010100123", "000000000000000000", "430524195002300012",
    "是否", "其他", "新增\u0000", "减少", "特困人员", "一档", "三档", "430524999999", "4305241012", "430524101201\u202E",
  ) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 35n), max: 10n ** 35n }).map((n) => n.toString()) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? "Invalid Date" : d.toISOString().slice(0, 10))) },
);

/** A header cell as people (or machines) mistype it. */
function badHeader(headers: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    badCell,
    fc.constantFrom(...headers).chain((h) =>
      fc.constantFrom(`*${h}`, ` ${h} `, `${h}（元）`, `${h}\u0000`, `\u202E${h}`, `${h}${h}`, h.slice(1), `\uFEFF${h}`, h.toUpperCase(), `${h}\t`),
    ),
  );
}

// ---- the table --------------------------------------------------------------

type TableMutation = { apply: (t: Table) => Table; note: string };

const copy = (t: Table): Table => ({ header: [...t.header], rows: t.rows.map((r) => [...r]) });

function tableMutation(base: Table): fc.Arbitrary<TableMutation> {
  const width = base.header.length;
  const col = fc.integer({ min: 0, max: width - 1 });
  const row = fc.integer({ min: 0, max: base.rows.length - 1 });
  const cell = fc.record({ r: row, c: col, v: badCell }).map(({ r, c, v }): TableMutation => ({
    note: `cell ${r + 2}/${base.header[c]} = ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…(${v.length})` : v)}`,
    apply: (t) => {
      const n = copy(t);
      if (n.rows[r]) n.rows[r]![c] = v;
      return n;
    },
  }));
  const rename = fc.record({ c: col, v: badHeader(base.header) }).map(({ c, v }): TableMutation => ({
    note: `header ${base.header[c]} → ${JSON.stringify(v)}`,
    apply: (t) => ({ ...copy(t), header: t.header.map((h, i) => (i === c ? v : h)) }),
  }));
  const duplicate = fc.record({ c: col, at: col }).map(({ c, at }): TableMutation => ({
    note: `header ${base.header[c]} also in column ${at + 1}`,
    apply: (t) => ({ ...copy(t), header: t.header.map((h, i) => (i === at ? t.header[c]! : h)) }),
  }));
  const dropColumn = col.map((c): TableMutation => ({
    note: `column ${base.header[c]} removed`,
    apply: (t) => ({ header: t.header.filter((_, i) => i !== c), rows: t.rows.map((r) => r.filter((_, i) => i !== c)) }),
  }));
  const dropHeaderCell = col.map((c): TableMutation => ({
    note: `header cell ${base.header[c]} removed (data stays)`,
    apply: (t) => ({ ...copy(t), header: t.header.filter((_, i) => i !== c) }),
  }));
  const swap = fc.record({ a: col, b: col }).map(({ a, b }): TableMutation => ({
    note: `data of ${base.header[a]} and ${base.header[b]} swapped`,
    apply: (t) => ({ ...copy(t), rows: t.rows.map((r) => r.map((v, i) => (i === a ? (r[b] ?? "") : i === b ? (r[a] ?? "") : v))) }),
  }));
  const extraCells = fc.record({ r: row, cells: fc.array(badCell, { minLength: 1, maxLength: 3 }) }).map(({ r, cells }): TableMutation => ({
    note: `row ${r + 2} with ${cells.length} extra cells`,
    apply: (t) => ({ ...copy(t), rows: t.rows.map((x, i) => (i === r ? [...x, ...cells] : [...x])) }),
  }));
  const shortRow = fc.record({ r: row, keep: fc.integer({ min: 0, max: width - 1 }) }).map(({ r, keep }): TableMutation => ({
    note: `row ${r + 2} cut to ${keep} cells`,
    apply: (t) => ({ ...copy(t), rows: t.rows.map((x, i) => (i === r ? x.slice(0, keep) : [...x])) }),
  }));
  const rows = fc.constantFrom<TableMutation>(
    { note: "no data rows", apply: (t) => ({ ...copy(t), rows: [] }) },
    { note: "no header", apply: (t) => ({ header: [...(t.rows[0] ?? [])], rows: t.rows.slice(1).map((r) => [...r]) }) },
    { note: "rows repeated", apply: (t) => ({ ...copy(t), rows: [...t.rows, ...t.rows].map((r) => [...r]) }) },
    { note: "blank rows before the header and between rows", apply: (t) => ({ header: [...t.header], rows: t.rows.flatMap((r) => [[...r], t.header.map(() => "")]) }) },
    { note: "header only, blank rows after", apply: (t) => ({ ...copy(t), rows: [t.header.map(() => ""), t.header.map(() => " ")] }) },
    { note: "every header empty", apply: (t) => ({ ...copy(t), header: t.header.map(() => "") }) },
    { note: "a 5,000-cell row", apply: (t) => ({ ...copy(t), rows: [...t.rows.map((r) => [...r]), Array.from({ length: 5000 }, (_, i) => String(i))] }) },
    { note: "a 120,000-character cell", apply: (t) => ({ ...copy(t), rows: [[...(t.rows[0] ?? t.header).slice(0, -1), "长".repeat(120_000)], ...t.rows.slice(1)] }) },
    { note: "2,000 copies of the first row", apply: (t) => ({ ...copy(t), rows: Array.from({ length: 2000 }, () => [...(t.rows[0] ?? t.header)]) }) },
    { note: "header repeated as a data row", apply: (t) => ({ ...copy(t), rows: [...t.rows, [...t.header]] }) },
  );
  return fc.oneof(
    { weight: 8, arbitrary: cell },
    { weight: 2, arbitrary: rename },
    { weight: 1, arbitrary: duplicate },
    { weight: 1, arbitrary: dropColumn },
    { weight: 1, arbitrary: dropHeaderCell },
    { weight: 1, arbitrary: swap },
    { weight: 1, arbitrary: extraCells },
    { weight: 1, arbitrary: shortRow },
    { weight: 2, arbitrary: rows },
  );
}

function mutatedTable(base: Table): fc.Arbitrary<{ table: Table; note: string }> {
  return fc.array(tableMutation(base), { minLength: 0, maxLength: 3 }).map((ms) => ({
    table: ms.reduce((t, m) => m.apply(t), base),
    note: ms.length ? ms.map((m) => m.note).join("; ") : "valid table",
  }));
}

// ---- CSV --------------------------------------------------------------------

export const CSV_ENCODINGS = ["utf-8", "utf-8-bom", "gb18030", "utf-16le-bom", "utf-16le", "utf-16be-bom", "utf-16be", "big5", "shift_jis", "windows-1252", "utf-32le"] as const;
type CsvEncoding = (typeof CSV_ENCODINGS)[number];
type CsvStyle = { encoding: CsvEncoding; delimiter: string; newline: string; quoting: "needed" | "always" | "never" };

export function encodeText(text: string, encoding: CsvEncoding): Buffer {
  switch (encoding) {
    case "utf-8":
      return Buffer.from(text, "utf8");
    case "utf-8-bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    case "utf-16le-bom":
      return iconv.encode(text, "utf-16le", { addBOM: true });
    case "utf-16be-bom":
      return iconv.encode(text, "utf-16be", { addBOM: true });
    default:
      return iconv.encode(text, encoding);
  }
}

export function csvOf(t: Table, style: CsvStyle): string {
  const cell = (c: string) =>
    style.quoting === "always" || (style.quoting === "needed" && (c.includes(style.delimiter) || /["\r\n]/.test(c))) ? `"${c.replace(/"/g, '""')}"` : c;
  return [t.header, ...t.rows].map((r) => Array.from(r, (c) => cell(c ?? "")).join(style.delimiter)).join(style.newline) + style.newline;
}

const csvStyle: fc.Arbitrary<CsvStyle> = fc.record({
  encoding: fc.constantFrom(...CSV_ENCODINGS),
  delimiter: fc.constantFrom(",", ",", ",", "\t", ";", "|"),
  newline: fc.constantFrom("\r\n", "\n", "\r", "\n\r"),
  quoting: fc.constantFrom("needed", "needed", "always", "never"),
});

// ---- .xlsx ------------------------------------------------------------------

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const colName = (i: number) => {
  let n = i + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

type XlsxStyle = { strings: "inline" | "shared"; numbers: boolean; order: "excel" | "sheet-first" | "shared-last" };

/** The parts of a minimal workbook holding `t` in its first sheet (name → XML). */
export function xlsxParts(t: Table, style: XlsxStyle): Record<string, string> {
  const shared: string[] = [];
  const cellXml = (v: string, r: number, c: number) => {
    const ref = `${colName(c)}${r}`;
    if (style.numbers && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(v)) return `<c r="${ref}"><v>${v}</v></c>`;
    if (style.strings === "shared") {
      shared.push(v);
      return `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`;
    }
    return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(v)}</t></is></c>`;
  };
  const rows = [t.header, ...t.rows].map((r, i) => `<row r="${i + 1}">${Array.from(r, (v, c) => cellXml(v ?? "", i + 1, c)).join("")}</row>`).join("");
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
  const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}" uniqueCount="${shared.length}">${shared.map((s) => `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`).join("")}</sst>`;
  const parts: Record<string, string> = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  };
  const ordered: Record<string, string> = {};
  const sheetName = "xl/worksheets/sheet1.xml";
  const sstName = "xl/sharedStrings.xml";
  if (style.order === "sheet-first") Object.assign(ordered, { [sheetName]: sheet, [sstName]: sst }, parts);
  else if (style.order === "shared-last") Object.assign(ordered, parts, { [sheetName]: sheet, [sstName]: sst });
  else Object.assign(ordered, parts, { [sstName]: sst, [sheetName]: sheet });
  return ordered;
}

type XmlMutation = { apply: (parts: Record<string, string>) => Record<string, string>; note: string };

/** Damage to the XML parts of a workbook. */
const xmlMutation: fc.Arbitrary<XmlMutation> = fc.oneof(
  fc.record({ part: fc.nat(), at: fc.nat(), ch: fc.constantFrom("<", ">", "&", '"', "\u0000", "\uFFFE", "\u0001", "]]>", "<!--", "x", " ", "/") }).map(({ part, at, ch }): XmlMutation => ({
    note: `XML: ${JSON.stringify(ch)} written into part #${part}`,
    apply: (p) => {
      const names = Object.keys(p);
      const name = names[part % names.length]!;
      const text = p[name]!;
      const i = at % (text.length + 1);
      return { ...p, [name]: text.slice(0, i) + ch + text.slice(i + 1) };
    },
  })),
  fc.record({ part: fc.nat(), at: fc.nat() }).map(({ part, at }): XmlMutation => ({
    note: `XML: part #${part} cut`,
    apply: (p) => {
      const names = Object.keys(p);
      const name = names[part % names.length]!;
      return { ...p, [name]: p[name]!.slice(0, at % (p[name]!.length + 1)) };
    },
  })),
  fc.nat().map((part): XmlMutation => ({
    note: `XML: part #${part} missing`,
    apply: (p) => {
      const names = Object.keys(p);
      const drop = names[part % names.length]!;
      return Object.fromEntries(Object.entries(p).filter(([n]) => n !== drop));
    },
  })),
  fc.constantFrom<XmlMutation>(
    { note: "XML: cell refs past Excel's last column", apply: (p) => ({ ...p, "xl/worksheets/sheet1.xml": p["xl/worksheets/sheet1.xml"]!.replace(/r="A(\d+)"/g, 'r="XFE$1"') }) },
    { note: "XML: cell refs of four letters", apply: (p) => ({ ...p, "xl/worksheets/sheet1.xml": p["xl/worksheets/sheet1.xml"]!.replace(/r="B(\d+)"/g, 'r="ZZZZ$1"') }) },
    { note: "XML: row numbers past Excel's last row", apply: (p) => ({ ...p, "xl/worksheets/sheet1.xml": p["xl/worksheets/sheet1.xml"]!.replace(/<row r="2"/, '<row r="99999999"') }) },
    { note: "XML: row numbers 0 and negative", apply: (p) => ({ ...p, "xl/worksheets/sheet1.xml": p["xl/worksheets/sheet1.xml"]!.replace(/<row r="1"/, '<row r="0"').replace(/<row r="2"/, '<row r="-3"') }) },
    { note: "XML: rows out of order", apply: (p) => ({ ...p, "xl/worksheets/sheet1.xml": p["xl/worksheets/sheet1.xml"]!.replace(/<row r="1"/, '<row r="7"') }) },
    { note: "XML: shared-string index out of range", apply: (p) => ({ ...p, "xl/worksheets/sheet1.xml": p["xl/worksheets/sheet1.xml"]!.replace(/t="s"><v>\d+</, 't="s"><v>99999999<').replace(/t="inlineStr"><is><t xml:space="preserve">[^<]*<\/t><\/is>/, 't="s"><v>-1</v>') }) },
    { note: "XML: a number cell of 30 digits", apply: (p) => ({ ...p, "xl/worksheets/sheet1.xml": p["xl/worksheets/sheet1.xml"]!.replace(/<c r="A2"[^]*?<\/c>/, '<c r="A2"><v>123456789012345678901234567890</v></c>') }) },
    { note: "XML: error, boolean and formula cells", apply: (p) => ({ ...p, "xl/worksheets/sheet1.xml": p["xl/worksheets/sheet1.xml"]!.replace(/<c r="B2"[^]*?<\/c>/, '<c r="B2" t="e"><v>#REF!</v></c>').replace(/<c r="C2"[^]*?<\/c>/, '<c r="C2" t="b"><v>1</v></c>').replace(/<c r="D2"[^]*?<\/c>/, '<c r="D2"><f>1/0</f><v>NaN</v></c>') }) },
    { note: "XML: a date cell (number with a style that does not exist)", apply: (p) => ({ ...p, "xl/worksheets/sheet1.xml": p["xl/worksheets/sheet1.xml"]!.replace(/<c r="A2"[^]*?<\/c>/, '<c r="A2" s="99"><v>45000</v></c>') }) },
    { note: "XML: entity expansion (billion laughs)", apply: (p) => ({ ...p, "xl/sharedStrings.xml": p["xl/sharedStrings.xml"]!.replace("?>", `?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>`).replace("<si><t", "<si><t>&c;</t></si><si><t") }) },
    { note: "XML: an external entity", apply: (p) => ({ ...p, "xl/worksheets/sheet1.xml": p["xl/worksheets/sheet1.xml"]!.replace("?>", '?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>').replace('<t xml:space="preserve">', '<t xml:space="preserve">&x;') }) },
    { note: "XML: workbook names a sheet that is not there", apply: (p) => ({ ...p, "xl/workbook.xml": p["xl/workbook.xml"]!.replace('sheetId="1"', 'sheetId="9"') }) },
    { note: "XML: sheet in UTF-16 declared as UTF-8", apply: (p) => ({ ...p, "xl/worksheets/sheet1.xml": iconv.encode(p["xl/worksheets/sheet1.xml"]!, "utf-16le").toString("latin1") }) },
  ),
);

// ---- bytes ------------------------------------------------------------------

type ByteMutation = { apply: (b: Buffer) => Buffer; note: string };

const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }).map((flips): ByteMutation => ({
    note: `${flips.length} bytes changed`,
    apply: (b) => {
      const out = Buffer.from(b);
      for (const f of flips) if (out.length) out[f.at % out.length] = f.value;
      return out;
    },
  })),
  fc.nat().map((at): ByteMutation => ({ note: `truncated`, apply: (b) => b.subarray(0, b.length ? at % b.length : 0) })),
  fc.record({ at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }).map(({ at, bytes }): ByteMutation => ({
    note: `${bytes.length} bytes inserted`,
    apply: (b) => {
      const i = at % (b.length + 1);
      return Buffer.concat([b.subarray(0, i), Buffer.from(bytes), b.subarray(i)]);
    },
  })),
  fc.record({ at: fc.nat(), length: fc.integer({ min: 1, max: 4096 }) }).map(({ at, length }): ByteMutation => ({
    note: `${length} bytes removed`,
    apply: (b) => {
      const i = at % (b.length + 1);
      return Buffer.concat([b.subarray(0, i), b.subarray(i + length)]);
    },
  })),
  fc.record({ at: fc.nat(), length: fc.integer({ min: 1, max: 4096 }) }).map(({ at, length }): ByteMutation => ({
    note: `${length} bytes repeated`,
    apply: (b) => {
      const i = at % (b.length + 1);
      return Buffer.concat([b.subarray(0, i + length), b.subarray(i)]);
    },
  })),
);

// ---- whole files ------------------------------------------------------------

const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** The name a file is uploaded under, for bytes of `format`: usually the right extension, sometimes not. */
function nameFor(format: "csv" | "xlsx"): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant(format === "csv" ? "名单.csv" : "名单.xlsx") },
    { weight: 1, arbitrary: fc.constant(format === "csv" ? "名单.xlsx" : "名单.csv") },
    { weight: 1, arbitrary: fc.constantFrom("名单.txt", "名单.CSV", "名单.XLSX", "C:\\fakepath\\名单.csv", "../../etc/名单.csv", "\u202Exslx.csv", "名\u0000单.xlsx", "名单.xls", "名单", ".csv", "名单.csv.exe", "x".repeat(300) + ".csv") },
  );
}

/** A real workbook written by exceljs (deflated), as Excel or WPS would send it. */
export async function exceljsWorkbook(t: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("名单");
  sheet.addRow(t.header);
  for (const r of t.rows) sheet.addRow(Array.from(r, (v) => v ?? ""));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Malformed uploads around the valid table `base` (and `workbook`, the same
 * table written by exceljs).
 */
export function fileCases(base: Table, workbook: Buffer): fc.Arbitrary<FileCase> {
  const piece = fc.oneof(fc.constant(64 * 1024), fc.integer({ min: 1, max: 70_000 }), fc.constantFrom(1, 3, 7, 100));
  const maybeBytes = fc.option(byteMutation, { freq: 4 });
  const withBytes = (bytes: Buffer, note: string, m: ByteMutation | null) => (m ? { bytes: m.apply(bytes), note: `${note}; ${m.note}` } : { bytes, note });

  const csv = fc.record({ t: mutatedTable(base), style: csvStyle, name: nameFor("csv"), m: maybeBytes, piece }).map(({ t, style, name, m, piece }) => {
    const made = withBytes(encodeText(csvOf(t.table, style), style.encoding), `CSV ${style.encoding} ${JSON.stringify(style.delimiter)} ${JSON.stringify(style.newline)} quoting ${style.quoting}: ${t.note}`, m);
    return { fileName: name, piece, ...made };
  });
  const xlsx = fc
    .record({
      t: mutatedTable(base),
      style: fc.record({ strings: fc.constantFrom<"inline" | "shared">("inline", "shared"), numbers: fc.boolean(), order: fc.constantFrom<XlsxStyle["order"]>("excel", "sheet-first", "shared-last") }),
      xml: fc.option(xmlMutation, { freq: 2 }),
      name: nameFor("xlsx"),
      m: fc.option(byteMutation, { freq: 6 }),
      piece,
    })
    .map(({ t, style, xml, name, m, piece }) => {
      let parts = xlsxParts(t.table, style);
      if (xml) parts = xml.apply(parts);
      const zip = storedZip(parts);
      const made = withBytes(zip, `xlsx ${style.strings} strings${style.numbers ? ", numbers" : ""}, ${style.order}: ${t.note}${xml ? `; ${xml.note}` : ""}`, m);
      return { fileName: name, piece, ...made };
    });
  const real = fc.record({ m: byteMutation, name: nameFor("xlsx"), piece }).map(({ m, name, piece }) => ({ fileName: name, piece, ...withBytes(workbook, "exceljs workbook", m) }));
  const other = fc.oneof(
    fc.constantFrom(
      { fileName: "名单.csv", bytes: Buffer.alloc(0), note: "empty file" },
      { fileName: "名单.xlsx", bytes: Buffer.alloc(0), note: "empty .xlsx" },
      { fileName: "名单.csv", bytes: Buffer.from("\r\n\r\n \r\n,,,\r\n"), note: "blank lines only" },
      { fileName: "名单.csv", bytes: Buffer.from([0xef, 0xbb, 0xbf]), note: "a UTF-8 BOM only" },
      { fileName: "名单.csv", bytes: Buffer.from([0xff, 0xfe]), note: "a UTF-16 BOM only" },
      { fileName: "名单.csv", bytes: Buffer.from([0xff, 0xfe, 0x41]), note: "UTF-16 LE with an odd byte count" },
      { fileName: "名单.xlsx", bytes: PDF, note: "a PDF named .xlsx" },
      { fileName: "名单.csv", bytes: PDF, note: "a PDF named .csv" },
      { fileName: "名单.xlsx", bytes: Buffer.concat([OLE, Buffer.alloc(600, 1)]), note: "an old .xls named .xlsx" },
      { fileName: "名单.xlsx", bytes: storedZip({ "a.txt": "hi" }), note: "a zip that is not a workbook" },
      { fileName: "名单.xlsx", bytes: Buffer.from([0x50, 0x4b, 0x05, 0x06, ...Buffer.alloc(18)]), note: "an empty zip" },
      { fileName: "名单.xlsx", bytes: Buffer.from("PK\u0003\u0004", "latin1"), note: "a zip header and nothing else" },
      { fileName: "名单.csv", bytes: Buffer.from(`"${"引".repeat(60_000)}`), note: "an unclosed quote" },
      { fileName: "名单.csv", bytes: Buffer.from("身".repeat(120_000)), note: "no line break in 360 KB" },
    ),
    fc.record({ bytes: fc.uint8Array({ maxLength: 2000 }), name: fc.constantFrom("名单.csv", "名单.xlsx", "名单.txt") }).map(({ bytes, name }) => ({ fileName: name, bytes: Buffer.from(bytes), note: `${bytes.length} random bytes` })),
    fc.record({ bytes: fc.uint8Array({ maxLength: 500 }) }).map(({ bytes }) => ({ fileName: "名单.xlsx", bytes: Buffer.concat([Buffer.from("PK\u0003\u0004", "latin1"), Buffer.from(bytes)]), note: `zip magic + ${bytes.length} random bytes` })),
    fc.record({ text: fc.string({ unit: "grapheme", maxLength: 300 }), enc: fc.constantFrom(...CSV_ENCODINGS) }).map(({ text, enc }) => ({ fileName: "名单.csv", bytes: encodeText(text, enc), note: `random text in ${enc}` })),
  ).chain((c) => piece.map((p) => ({ ...c, piece: p })));
  return fc
    .oneof({ weight: 6, arbitrary: csv }, { weight: 4, arbitrary: xlsx }, { weight: 2, arbitrary: real }, { weight: 2, arbitrary: other })
    .map((c) => shortly(c as FileCase));
}
