import { RosterFileError } from "@/lib/rosters/errors";

// The columns of the yearly enrolment file from the tax / insurance system
// (参保缴费数据): Chinese headers, English aliases, any order.

export const ENROLMENT_KEYS = ["id_number", "name", "year", "tier", "contribution", "tier1", "paid_on", "fee_exempt"] as const;
export type EnrolmentKey = (typeof ENROLMENT_KEYS)[number];

export const ENROLMENT_HEADERS: Record<EnrolmentKey, string> = {
  id_number: "身份证号",
  name: "姓名",
  year: "参保年度",
  tier: "缴费档次",
  contribution: "个人缴费标准",
  tier1: "一档个人缴费标准",
  paid_on: "缴费日期",
  fee_exempt: "免缴人员",
};

/** 一档个人缴费标准 is needed only on tier-2 rows; 免缴人员 defaults to 否. */
export const OPTIONAL_KEYS: readonly EnrolmentKey[] = ["tier1", "fee_exempt"];
export const REQUIRED_KEYS: readonly EnrolmentKey[] = ENROLMENT_KEYS.filter((k) => !OPTIONAL_KEYS.includes(k));

// Names the tax and insurance systems' own exports use for the same column.
const ALIASES: Record<EnrolmentKey, string[]> = {
  id_number: ["身份证号码", "公民身份号码", "证件号码", "idnumber"],
  name: ["参保人姓名", "name"],
  year: ["年度", "缴费年度", "参保年份", "year"],
  tier: ["档次", "参保档次", "缴费档次名称", "tier"],
  contribution: ["个人缴费", "个人缴费额", "个人应缴金额", "contribution"],
  tier1: ["一档缴费标准", "一档标准", "tier1contribution", "tier1"],
  paid_on: ["缴费时间", "缴费日", "paidon", "paiddate"],
  fee_exempt: ["免缴费人员", "是否免缴", "免缴", "feeexempt"],
};

function normalize(cell: string): string {
  return cell
    .replace(/^\uFEFF/, "")
    .trim()
    .replace(/^[*＊]+|[*＊]+$/g, "")
    .toLowerCase()
    .replace(/[\s_\-.（）()]/g, "");
}

const LOOKUP = new Map<string, EnrolmentKey>();
for (const key of ENROLMENT_KEYS) for (const alias of [ENROLMENT_HEADERS[key], key, ...ALIASES[key]]) LOOKUP.set(normalize(alias), key);

export type EnrolmentLayout = { index: Partial<Record<EnrolmentKey, number>>; width: number };

const ALL = ENROLMENT_KEYS.map((k) => ENROLMENT_HEADERS[k]).join("、");

/** Maps header cells to columns; a blank, unknown or repeated header or a missing required column stops the file. */
export function resolveEnrolmentHeader(cells: readonly string[], headerRow: number): EnrolmentLayout {
  let width = cells.length;
  while (width > 0 && cells[width - 1]!.trim() === "") width--;
  const index: Partial<Record<EnrolmentKey, number>> = {};
  for (let i = 0; i < width; i++) {
    const raw = cells[i]!.replace(/^\uFEFF/, "").trim();
    if (raw === "") throw new RosterFileError("empty_header", `第 ${i + 1} 列没有表头，请填写表头或删除该列`, { row: headerRow });
    const key = LOOKUP.get(normalize(raw));
    if (!key) {
      throw new RosterFileError("unknown_column", `无法识别的列“${clip(raw)}”，表头应为：${ALL}（一档个人缴费标准、免缴人员可省略）`, {
        column: clip(raw),
        row: headerRow,
      });
    }
    if (index[key] !== undefined) {
      throw new RosterFileError("duplicate_column", `“${ENROLMENT_HEADERS[key]}”列出现了两次，请只保留一列`, { column: ENROLMENT_HEADERS[key], row: headerRow });
    }
    index[key] = i;
  }
  const missing = REQUIRED_KEYS.filter((k) => index[k] === undefined);
  if (missing.length > 0) {
    throw new RosterFileError("missing_column", `缺少必填列：${missing.map((k) => ENROLMENT_HEADERS[k]).join("、")}，请按模板补齐表头`, {
      column: ENROLMENT_HEADERS[missing[0]!],
      row: headerRow,
    });
  }
  return { index, width };
}

function clip(text: string): string {
  let printable = "";
  for (const ch of text) printable += ch < " " || ch === "\u007f" || ch === "\ufffd" ? "?" : ch;
  return printable.length > 20 ? `${printable.slice(0, 20)}…` : printable;
}
