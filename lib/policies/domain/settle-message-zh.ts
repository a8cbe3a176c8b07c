// The contract's one-line errors (`claims[1].policyScopeCost: "-5" is negative`,
// docs/cli.md) in the words a clerk reads on the 试算 page and in
// the API's `message`: "第2笔：政策范围内费用不能为负数". The English line stays
// the API's `error`, as the contract fixes it; an unknown reason keeps its
// English words behind the Chinese field name rather than being dropped.

export type ChineseProblem = { field: string; row: number | null; message: string };

/** True when a contract line has a Chinese reason (a test walks generated mistakes through it). */
export function hasChineseReason(line: string): boolean {
  const { reason } = splitContractLine(line);
  return REASONS.some(([pattern]) => pattern.test(reason));
}

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
  "person.category": "救助对象类别",
  "person.birthDate": "出生日期",
  person: "救助对象信息",
  "parameters.priorYearIncome": "上年度人均可支配收入",
  "parameters.monitoringStandard": "监测标准",
  parameters: "年度参数",
  policy: "政策",
  claims: "就医记录",
  input: "请求内容",
  year: "年度",
  category: "救助对象类别",
  tier: "缴费档次",
  contribution: "个人缴费标准",
  "contribution.tier1": "一档个人缴费标准",
  "contribution.tier2": "二档个人缴费标准",
  feeExempt: "费用减免对象",
};

const v = (s: string) => s.replace(/^"(.*)"$/, "$1");

/** [pattern, Chinese reason that follows the field name]. First match wins. */
const REASONS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(?:is )?required$/, () => "须填写"],
  [/^.+ is negative$/, () => "不能为负数"],
  [/^(.+) has more than two decimals$/, (m) => `最多两位小数（现为 ${v(m[1]!)}）`],
  [/^(.+) is not (?:a decimal amount|an amount|a number|a plain decimal)$/, (m) => `应为金额（数字，最多两位小数），现为“${v(m[1]!)}”`],
  [/^.+ is above the largest accepted amount (.+)$/, (m) => `超过可接受的最大金额 ${m[1]} 元`],
  [/^(.+) is not a valid date YYYY-MM-DD$/, (m) => `应为有效日期（YYYY-MM-DD），现为“${v(m[1]!)}”`],
  [/^(\S+) is before policy (\S+) takes effect \((.+)\)$/, (m) => ` ${m[1]} 早于政策 ${m[2]} 的生效日期 ${m[3]}`],
  [/^(\S+) is after policy (\S+) ends \((.+)\)$/, (m) => ` ${m[1]} 晚于政策 ${m[2]} 的失效日期 ${m[3]}`],
  [/^(\S+) falls under version (\d+) of policy (\S+) \(from (\S+)\) and claims\[(\d+)\] under version (\d+);/, (m) =>
    ` ${m[1]} 适用政策 ${m[3]} 第 ${m[2]} 版（${m[4]} 起），而第${Number(m[5]) + 1}笔适用第 ${m[6]} 版：请按版本分开提交`],
  [/^(\S+) exceeds policyScopeCost (\S+)$/, (m) => ` ${m[1]} 元超过政策范围内费用 ${m[2]} 元`],
  [/^is required when criticalPaid is given$/, () => "须填写：填写了大病保险已支付金额时，须同时填写基本医保已支付金额"],
  [/^basicPaid (\S+) \+ criticalPaid (\S+) exceed policyScopeCost (\S+)$/, (m) => `：基本医保 ${m[1]} 元与大病保险 ${m[2]} 元之和超过政策范围内费用 ${m[3]} 元`],
  [/^duplicate id (.+)$/, (m) => ` ${v(m[1]!)} 重复`],
  [/^is required — policy (\S+) has no critical-illness rule for .* \((.+)\); give the settled amount$/, (m) =>
    `须填写：政策 ${m[1]} 未规定${m[2]}的大病保险标准`],
  [/^is required — policy (\S+) has no (\d+) value and its critical-illness deductible is (.+) of it$/, (m) =>
    `须填写：政策 ${m[1]} 没有 ${m[2]} 年的数值，而大病保险起付线按它的 ${m[3]} 计算`],
  [/^unknown policy (.+?)(?: \(known: .*\))?$/, (m) => `：找不到政策 ${v(m[1]!)}`],
  [/^unknown category (.+)$/, (m) => `：没有类别 ${v(m[1]!)}`],
  [/^must hold at least one claim$/, () => "：至少填写一笔"],
  [/^is required for the special-food claim/, () => "须填写（特殊医用食品救助按年龄计算）"],
  [/^(\S+) is after (claims\[\d+\])\.date/, (m) => ` ${m[1]} 晚于就医日期`],
  [/^policy (\S+) has no special-food rule$/, (m) => `：政策 ${m[1]} 没有特殊医用食品救助规则`],
  [/^policy (\S+) has no special-drug rule/, (m) => `：政策 ${m[1]} 没有大病保险特药规则，请填写大病保险已支付金额`],
  [/^unknown field$/, () => "：不是本接口的字段，请删除或改正名称"],
  [/^unknown parameter/, () => "：不认识的参数（只能是 priorYearIncome 或 monitoringStandard）"],
  [/^(.+) is not true or false$/, (m) => `应为 true 或 false，现为 ${m[1]}`],
  [/^(.+) is not 1, 2 or 3$/, (m) => `应为 1、2 或 3，现为 ${v(m[1]!)}`],
  [/^(.+) is not "inpatient" or "outpatient"$/, (m) => `应为 inpatient（住院）或 outpatient（门诊），现为 ${m[1]}`],
  [/^(\d+) is not covered by policy "(.+)" \((.+)\)$/, (m) => ` ${m[1]} 不在政策 ${m[2]} 的适用年度（${m[3]}）内`],
  [/^required when tier is 2$/, () => "须填写（选择二档时）"],
  [/^(\S+) is less than tier1 (\S+)$/, (m) => ` ${m[1]} 低于一档 ${m[2]}`],
  [/^must be a JSON object$|^expected a JSON object$/, () => "应为一个 JSON 对象"],
  [/^(.+) is not a string$/, (m) => `应为文字，现为 ${m[1]}`],
  [/^(.+) is not a date YYYY-MM-DD$/, (m) => `应为日期（YYYY-MM-DD），现为 ${m[1]}`],
  [/^(.+) is not a list of claims$/, (m) => `应为就医记录的列表，现为 ${m[1]}`],
  [/^(.+) is not a category code$/, (m) => `应为类别代码（如 dibao），现为 ${m[1]}`],
  [/^(.+) is not an object$/, (m) => `应为一个对象，现为 ${m[1]}`],
  [/^(.+) is not "pku"$/, (m) => `只能填 "pku"（苯丙酮尿症特殊治疗食品），现为 ${m[1]}`],
  [/^must not be empty$/, () => "不能为空"],
  [/^(?:not valid JSON|invalid JSON)/, () => "不是有效的 JSON，请检查括号、引号和逗号"],
];

/** `claims[1].policyScopeCost` → { row: 2, name: "第2笔：政策范围内费用" }. */
function fieldName(path: string): { row: number | null; name: string } {
  const m = /^claims\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (m) {
    const row = Number(m[1]) + 1;
    return { row, name: m[2] ? `第${row}笔：${FIELD_NAMES[m[2]] ?? `字段“${m[2]}”`}` : `第${row}笔` };
  }
  const base = path.replace(/\[\d+\]/g, "");
  const known = FIELD_NAMES[path] ?? FIELD_NAMES[base];
  if (known) return { row: null, name: known };
  // A field the contract does not have: named as sent, inside Chinese words.
  const parameter = /^parameters\.(.+)$/.exec(path);
  return { row: null, name: parameter ? `年度参数“${parameter[1]}”` : `字段“${path}”` };
}

/** Splits `path: reason` (the path has no spaces; a message without one concerns the whole input). */
export function splitContractLine(line: string): { field: string; reason: string } {
  const m = /^([A-Za-z][\w.[\]]*): (.*)$/s.exec(line);
  return m ? { field: m[1]!, reason: m[2]! } : { field: "input", reason: line };
}

export function contractLineToChinese(line: string): ChineseProblem {
  const { field, reason } = splitContractLine(line);
  const { row, name } = fieldName(field);
  for (const [pattern, say] of REASONS) {
    const m = pattern.exec(reason);
    if (m) return { field, row, message: `${name}${say(m)}` };
  }
  return { field, row, message: `${name}：${reason}` };
}
