import type { InputProblem, InputProblemParams, InputProblemCode, Expected } from "@/lib/settlement/settle-input-error";

// A settle or subsidy request's problem (lib/settlement/settle-input-error.ts) in the
// words a clerk reads on the 试算 page and in the API's `message`:
// "第2笔：政策范围内费用不能为负数". The contract's English line, rendered from the
// same value, stays the API's `error`. Every code has its Chinese wording here
// (the table's type makes a missing one a compile error).

export type ChineseProblem = { field: string; row: number | null; message: string };

const FIELD_NAMES: Record<string, string> = {
  id: "编号",
  date: "就医日期",
  setting: "就医类型",
  specialDisease: "特殊疾病",
  hospitalLevel: "医院等级",
  referred: "按规定转诊",
  inCity: "市内就医",
  policyScopeCost: "政策范围内费用",
  outOfScopeCost: "目录外费用",
  basicPaid: "基本医保已支付",
  criticalPaid: "大病保险已支付",
  onApplication: "依申请救助",
  applicationId: "申请编号",
  specialDrug: "大病保险特药",
  specialFood: "特殊医用食品",
  hospitalWaived: "医疗机构减免",
  commercialPaid: "商业补充保险赔付",
};
const TOP_NAMES: Record<string, string> = {
  "person.category": "救助对象类别",
  "person.birthDate": "出生日期",
  person: "救助对象信息",
  "parameters.priorYearIncome": "上年度人均可支配收入",
  "parameters.monitoringStandard": "监测标准",
  parameters: "年度参数",
  policy: "政策",
  claims: "就医记录",
  "": "请求内容",
  // The subsidy request (docs/cli.md `subsidy`).
  year: "年度",
  category: "救助对象类别",
  tier: "缴费档次",
  contribution: "个人缴费标准",
  "contribution.tier1": "一档个人缴费标准",
  "contribution.tier2": "二档个人缴费标准",
  feeExempt: "费用减免对象",
};

/** `claims[1].policyScopeCost` → { row: 2, name: "第2笔：政策范围内费用" }; a field the contract lacks is named as sent. */
function fieldName(path: string, unknown: boolean): { row: number | null; name: string } {
  const m = /^claims\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (m) {
    const row = Number(m[1]) + 1;
    if (!m[2]) return { row, name: `第${row}笔` };
    const known = unknown ? undefined : FIELD_NAMES[m[2]];
    return { row, name: `第${row}笔：${known ?? `字段“${m[2]}”`}` };
  }
  const known = unknown ? undefined : TOP_NAMES[path];
  if (known) return { row: null, name: known };
  const parameter = /^parameters\.(.+)$/.exec(path);
  return { row: null, name: parameter ? `年度参数“${parameter[1]}”` : `字段“${path}”` };
}

const EXPECTED_ZH: Record<Expected, (shown: string) => string> = {
  string: (s) => `应为文字，现为 ${s}`,
  date: (s) => `应为日期（YYYY-MM-DD），现为 ${s}`,
  boolean: (s) => `应为 true 或 false，现为 ${s}`,
  policyId: (s) => `应为政策编号（如 shaoyang-2021），现为 ${s}`,
  categoryCode: (s) => `应为类别代码（如 dibao），现为 ${s}`,
  object: (s) => `应为一个对象，现为 ${s}`,
  claimList: (s) => `应为就医记录的列表，现为 ${s}`,
  hospitalLevel: (s) => `应为 1、2 或 3，现为 ${unquote(s)}`,
  setting: (s) => `应为 inpatient（住院）或 outpatient（门诊），现为 ${s}`,
  pku: (s) => `只能填 "pku"（苯丙酮尿症特殊治疗食品），现为 ${s}`,
  year: (s) => `应为年份（如 2023），现为 ${s}`,
  tier: (s) => `应为 1 或 2，现为 ${s}`,
};

const PARAMETER_ZH: Record<string, string> = { priorYearIncome: "上年度人均可支配收入", monitoringStandard: "监测标准" };
const unquote = (s: string) => s.replace(/^"(.*)"$/, "$1");
const row = (claim: number) => `第${claim + 1}笔`;

/** The Chinese reason that follows the field name ("不能为负数", "：至少填写一笔"). */
const ZH: { [C in InputProblemCode]: (p: InputProblemParams[C]) => string } = {
  required: () => "须填写",
  empty: () => "不能为空",
  wrongType: (p) => EXPECTED_ZH[p.expected](p.shown),
  amountNegative: () => "不能为负数",
  amountDecimals: (p) => `最多两位小数（现为 ${unquote(p.shown)}）`,
  amountNotDecimal: (p) => `应为金额（数字，最多两位小数），现为“${unquote(p.shown)}”`,
  amountNotAmount: (p) => `应为金额（数字，最多两位小数），现为“${unquote(p.shown)}”`,
  amountNotNumber: (p) => `应为金额（数字，最多两位小数），现为“${unquote(p.shown)}”`,
  amountNotPlain: (p) => `应为金额（数字，最多两位小数），现为“${unquote(p.shown)}”`,
  amountTooLarge: (p) => `超过可接受的最大金额 ${p.max} 元`,
  invalidDate: (p) => `应为有效日期（YYYY-MM-DD），现为“${unquote(p.shown)}”`,
  unknownField: () => "：不是本接口的字段，请删除或改正名称",
  unknownParameter: (p) => `：不认识的参数（只能是 ${p.expected.join(" 或 ")}）`,
  notRecord: () => "应为一个对象，如 { \"priorYearIncome\": \"33803\" }",
  noClaims: () => "：至少填写一笔",
  tooManyClaims: (p) => `：一次最多 ${p.max} 笔，请按人员和年度分开提交`,
  notJsonObject: () => "应为一个 JSON 对象",
  invalidJson: () => "不是有效的 JSON，请检查括号、引号和逗号",
  bodyTooLarge: () => "超过 5 MB，请按人员和年度分开提交",
  unknownPolicy: (p) => `：找不到政策 ${unquote(p.shown)}`,
  unknownCategory: (p) => `：没有类别 ${unquote(p.shown)}`,
  duplicateId: (p) => ` ${unquote(p.shown)} 重复`,
  beforePolicy: (p) => ` ${p.date} 早于政策 ${p.policy} 的生效日期 ${p.from}`,
  afterPolicy: (p) => ` ${p.date} 晚于政策 ${p.policy} 的失效日期 ${p.to}`,
  versionSplit: (p) => ` ${p.date} 适用政策 ${p.policy} 第 ${p.version} 版（${p.from} 起），而${row(p.other)}适用第 ${p.otherVersion} 版：请按版本分开提交`,
  basicAboveCost: (p) => ` ${p.basic} 元超过政策范围内费用 ${p.cost} 元`,
  basicRequiredWithCritical: () => "须填写：填写了大病保险已支付金额时，须同时填写基本医保已支付金额",
  sumAboveCost: (p) => `：基本医保 ${p.basic} 元与大病保险 ${p.critical} 元之和超过政策范围内费用 ${p.cost} 元`,
  noFoodRule: (p) => `：政策 ${p.policy} 没有特殊医用食品救助规则`,
  birthDateRequiredForFood: () => "须填写（特殊医用食品救助按年龄计算）",
  birthAfterClaim: (p) => ` ${p.birthDate} 晚于就医日期`,
  noDrugRule: (p) => `：政策 ${p.policy} 没有大病保险特药规则，请填写大病保险已支付金额`,
  criticalRequired: (p) => `须填写：政策 ${p.policy} 未规定${p.categoryName}的大病保险标准`,
  parameterRequired: (p) => `须填写：政策 ${p.policy} 没有 ${p.year} 年的数值，而大病保险起付线按它的 ${p.percent}% 计算`,
  missing: () => "须填写",
  contributionNotObject: () => "应为一个对象，如 { \"tier1\": \"380\" }",
  yearNotCovered: (p) => ` ${p.year} 不在政策 ${p.policy} 的适用年度（${p.span}）内`,
  tier2Required: () => "须填写（选择二档时）",
  tier2BelowTier1: (p) => ` ${p.tier2} 低于一档 ${p.tier1}`,
  subsidyInvalidJson: () => "不是有效的 JSON，请检查括号、引号和逗号",
  subsidyNotObject: () => "应为一个 JSON 对象",
  assistanceParameterRequired: (p) =>
    `：政策 ${p.policy} 缺少 ${p.year} 年度的${PARAMETER_ZH[p.parameter] ?? p.parameter}，而医疗救助规则「${p.rule}」的起付线按它的 ${p.percent}% 计算，请先在政策的年度参数中填写，或在本次试算中填写该数值`,
  unexpected: (p) => `：格式不对（${p.message}）`,
};

/** The problem in Chinese, with the row it concerns (1-based) for the 试算 page. */
export function problemToChinese(p: InputProblem): ChineseProblem {
  const { row: r, name } = fieldName(p.path, p.code === "unknownField");
  const reason = (ZH[p.code] as (params: InputProblem["params"]) => string)(p.params);
  return { field: p.path === "" ? "input" : p.path, row: r, message: `${name}${reason}` };
}
