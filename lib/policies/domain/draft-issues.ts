import type { z } from "zod";
import { CATEGORY_INFO, isCategory } from "@/lib/categories/categories";
import { formatIssuePath } from "./schema/issue-path";
import { policyRecordSchema } from "./schema/policy-record";

// The policy editor's problems, one per field, in the manager's words: the
// zod issue path becomes the label the form shows beside the field
// ("医疗救助规则 1「依申请医疗救助」· 救助比例") and the message is Chinese,
// with no record keys (`ratioPercent`), category codes (`dibao_edge`) or
// zod's English text. The form finds its field's error by `path`
// (`assistance.rules[0].ratioPercent`), the same text the JSON view shows.

export type DraftIssue = { path: string; label: string; message: string };

type Path = readonly PropertyKey[];

/** Field names by their last key; a section may override (see SECTION_FIELDS). */
const FIELDS: Record<string, string> = {
  name: "名称",
  id: "编号",
  categories: "适用类别",
  settings: "就医类型",
  ratioPercent: "比例（%）",
  amount: "金额（元）",
  annualLimit: "年度限额（元）",
  within: "与其他限额的关系",
  annualCap: "封顶线（元）",
  percent: "比例（%）",
  parameter: "参照的年度参数",
  pool: "年度救助限额",
  source: "依据",
  doc: "依据文件",
  paragraph: "条款",
  quote: "原文摘录",
  note: "说明",
  defaulted: "默认值标记",
  year: "年度",
  value: "数值（元）",
  label: "参数说明",
  upTo: "分段上限（元）",
  maxAge: "年龄上限（岁）",
  comparison: "比较方式",
  figure: "监测口径",
  factorPercent: "预警倍数（%）",
  includeOutOfScope: "是否计入目录外费用",
  disease: "疾病范围",
  trigger: "救助方式",
  minHospitalLevel: "最低医院等级",
  stayCostAbove: "单次住院费用门槛（元）",
  referral: "转诊要求",
  referredRequired: "须按规定转诊",
  inCityRequired: "须在市内就医",
  deductible: "起付线",
  kind: "类型",
  period: "计算周期",
  base: "救助基数",
  thresholds: "起付标准",
  segments: "分段",
  tilt: "倾斜支付",
  deductibleFactorPercent: "倾斜对象起付线按原起付线的（%）",
  ratioPointsPercent: "倾斜对象比例提高（百分点）",
  removeCap: "倾斜对象取消封顶线",
  specialDrug: "特药",
  payment: "报销比例",
  fromYear: "起始年度",
  toYear: "终止年度",
  tier1: "一档",
  tier2: "二档",
  fundedBy: "资金来源",
  of: "资助基数",
  remainder: "剩余部分",
  paidBy: "剩余部分负担方",
  feeExemptPaidBy: "免缴费人群的负担方",
  from: "起始年度",
  to: "终止年度",
  bands: "年龄段",
  effectiveFrom: "生效日期",
  effectiveTo: "失效日期",
  effectiveSource: "有效期依据",
  ranking: "类别排序",
  documentNumber: "文号",
  document: "文件",
  region: "地区",
  level: "级别",
  deductiblePerYear: "年度起付线",
  ratios: "支付比例",
  inpatient: "住院",
  outpatient: "门诊",
  level1: "一级医院（%）",
  level2: "二级医院（%）",
  level3: "三级医院（%）",
  definitions: "年度参数说明",
  values: "年度参数",
};

const PARAMETER_NAMES: Record<string, string> = { priorYearIncome: "上年度人均可支配收入", monitoringStandard: "监测标准" };

const ruleName = (value: unknown): string => {
  const name = value && typeof value === "object" ? (value as { name?: unknown }).name : undefined;
  return typeof name === "string" && name.trim() !== "" ? `「${name.trim()}」` : "";
};

const at = (record: unknown, path: readonly PropertyKey[]): unknown => {
  let v: unknown = record;
  for (const k of path) v = v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k as string] : undefined;
  return v;
};

/** The part of the record a path falls in ("医疗救助规则 2「其他疾病救助」") and the rest of the path. */
function section(path: Path, record: unknown): { title: string; rest: Path } {
  const [a, b, c] = path;
  const n = (i: unknown) => (typeof i === "number" ? i + 1 : "");
  switch (a) {
    case "assistance":
      if (b === "rules" && typeof c === "number") return { title: `医疗救助规则 ${n(c)}${ruleName(at(record, path.slice(0, 3)))}`, rest: path.slice(3) };
      return { title: "医疗救助", rest: path.slice(1) };
    case "limitPools":
      if (typeof b === "number") return { title: `年度救助限额 ${n(b)}${ruleName(at(record, path.slice(0, 2)))}`, rest: path.slice(2) };
      return { title: "年度救助限额", rest: path.slice(1) };
    case "tiltedAssistance":
      if (typeof b === "number") return { title: `倾斜救助/再救助规则 ${n(b)}${ruleName(at(record, path.slice(0, 2)))}`, rest: path.slice(2) };
      return { title: "倾斜救助/再救助", rest: path.slice(1) };
    case "monitoring":
      if (typeof b === "number") return { title: `监测规则 ${n(b)}${ruleName(at(record, path.slice(0, 2)))}`, rest: path.slice(2) };
      return { title: "监测预警", rest: path.slice(1) };
    case "criticalIllness":
      if (b === "specialDrug") return { title: "大病保险特药", rest: path.slice(2) };
      if (b === "tilt") return { title: "大病保险倾斜支付", rest: path.slice(2) };
      return { title: "大病保险", rest: path.slice(1) };
    case "subsidy":
      if (b === "rules" && typeof c === "number") return { title: `资助参保规则 ${n(c)}`, rest: path.slice(3) };
      if (b === "years") return { title: "资助参保年度", rest: path.slice(2) };
      return { title: "资助参保", rest: path.slice(1) };
    case "parameters": {
      if (b === "values" && typeof c === "number") {
        const v = at(record, path.slice(0, 3)) as { year?: unknown; name?: unknown } | undefined;
        const what = typeof v?.name === "string" ? PARAMETER_NAMES[v.name] ?? "" : "";
        const year = typeof v?.year === "number" ? `${v.year} 年` : "";
        return { title: `年度参数 ${n(c)}${year || what ? `（${[year, what].filter(Boolean).join(" ")}）` : ""}`, rest: path.slice(3) };
      }
      if (b === "definitions" && typeof c === "number") return { title: `年度参数说明 ${n(c)}`, rest: path.slice(3) };
      return { title: "年度参数", rest: path.slice(1) };
    }
    case "specialFood":
      return { title: "特殊疾病救助（特殊食品）", rest: path.slice(1) };
    case "basicInsurance":
      return { title: "基本医保", rest: path.slice(1) };
    case "coverageTarget":
      return { title: "参保率目标", rest: path.slice(1) };
    case "ranking":
      return { title: "类别排序", rest: typeof b === "number" ? [] : path.slice(1) };
    case "categories":
      return { title: "救助对象类别", rest: [] };
    default:
      return { title: "基本信息", rest: path };
  }
}

/** The words of the rest of a path: "起付标准第 2 组 · 金额（元）", "依据 · 条款". */
function fieldWords(rest: Path): string {
  const words: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const k = rest[i]!;
    const next = rest[i + 1];
    if (typeof k === "number") continue;
    const word = FIELDS[String(k)] ?? "此项";
    if (typeof next === "number") {
      const unit = k === "segments" ? "段" : k === "thresholds" ? "组" : k === "bands" ? "个年龄段" : "项";
      words.push(`${word.replace(/（.*）$/, "")}第 ${next + 1} ${unit}`);
    } else {
      words.push(word);
    }
  }
  return words.join(" · ");
}

/** "医疗救助规则 1「依申请医疗救助」· 救助比例（%）" for `assistance.rules[0].ratioPercent`. */
export function fieldLabel(path: Path, record?: unknown): string {
  const { title, rest } = section(path, record);
  const words = fieldWords(rest);
  const renamed = words === "比例（%）" && title.startsWith("医疗救助规则") ? "救助比例（%）" : words;
  return renamed ? `${title} · ${renamed}` : title;
}

/** Record keys and codes a schema message may still contain, in Chinese. */
const KEY_WORDS: [RegExp, string][] = [
  [/^「」 ?不是/, "请填写"],
  [/ 未在 parameters\.definitions 中说明$/, " 未在“年度参数说明”中列出"],
  [/parameters\.definitions/g, "年度参数说明"],
  [/limitPools/g, "“年度救助限额”"],
  [/（categories）/g, ""],
  [/^限额 \S+ 不存在.*$/, "所选的年度救助限额不存在：请从列表中选择，或先在“年度救助限额”中添加"],
  [/^限额编号 (\S+) 重复$/, "限额编号「$1」重复"],
  [/^规则编号 (\S+) 重复$/, "规则编号「$1」重复"],
  [/\bpriorYearIncome\b/g, PARAMETER_NAMES.priorYearIncome!],
  [/\bmonitoringStandard\b/g, PARAMETER_NAMES.monitoringStandard!],
  [/maxAge 为 null/g, "不设年龄上限"],
  [/须为 null（不设上限）/g, "须留空（不设上限）"],
  [/采用默认值（defaulted）时须在 note 中说明依据/g, "采用默认值时须写明依据"],
];

/** English outside the quoted input (「abc」 is what the manager typed, not ours to translate). */
const hasEnglish = (text: string) => /[A-Za-z]{3,}/.test(text.replace(/「[^」]*」/g, ""));

/** zod's own (English) messages, by issue code, in Chinese. */
function fallback(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "缺少此项，请填写" : "填写的内容类型不对，请重新填写";
    case "unrecognized_keys":
      return `有无法识别的项 ${issue.keys.map((k) => `「${k}」`).join("、")}，请删除`;
    case "too_small":
      return issue.origin === "array" ? "至少须有一项" : "填写的数太小";
    case "too_big":
      return "填写的数太大";
    case "invalid_value":
    case "invalid_union":
      return "请从列表中选择";
    default:
      return "填写有误，请检查";
  }
}

/** A schema issue's message in Chinese: codes become names, quoted input becomes 「…」, English falls back by code. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  let text = issue.message.replace(/"((?:[^"\\]|\\.)*)"/g, (_, inner: string) => `「${inner}」`);
  for (const [pattern, words] of KEY_WORDS) text = text.replace(pattern, words);
  text = text.replace(/[a-z_]+/g, (word) => (isCategory(word) ? CATEGORY_INFO[word].name : word));
  text = text.replace(/「([^」]*)」 不是救助对象类别代码/, "「$1」不是救助对象类别");
  return hasEnglish(text) ? fallback(issue) : text;
}

/** Every problem of an edited record, one per field, labelled and in Chinese; [] when it is valid. */
export function draftIssues(value: unknown): DraftIssue[] {
  const result = policyRecordSchema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    path: formatIssuePath(issue.path),
    label: fieldLabel(issue.path, value),
    message: issueMessage(issue),
  }));
}
