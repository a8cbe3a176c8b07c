import type { Category } from "@/lib/categories/categories";
import { SUBSIDY_PRESETS } from "@/lib/subsidy/presets";
import type { PolicyRecordInput } from "../schema/policy-record";
import { cite, defaultBasicInsurance, defaulted, MONITORED_GROUPS, rankingOf } from "./preset-helpers";

// 济宁 002: 济医保发〔2023〕7号 — subsidies and monitoring. The document sets no
// critical-illness or assistance figures (it defers to 济政办发〔2022〕14号), so
// those parts stay unconfigured: claims must carry criticalPaid, and the
// engine pays no assistance until an administrator adds the city's rules.

const DOC = "002";
const CATEGORIES: Category[] = ["tekun", "dibao", "dibao_edge", "returned_poverty", ...MONITORED_GROUPS, "ordinary"];
const HIGH_COST = "将经基本医保、大病保险报销后个人累计负担超过全省上年居民人均可支配收入50%的低保边缘家庭成员和防止返贫监测帮扶对象及个人累计负担超过全省上年居民人均可支配收入150%的普通参保人员纳入监测预警机制";
const SCOPE_NOTE = "“个人累计负担”取政策范围内自付部分（docs/policy.md §5）；如需含目录外费用，将 includeOutOfScope 设为 true";

export const jining2023: PolicyRecordInput = {
  id: "jining-2023",
  version: 1,
  name: "济宁市关于坚决守牢防止规模性返贫底线健全完善防范化解因病返贫致贫长效机制的通知",
  region: { name: "山东省济宁市", level: "city" },
  document: "002_4d834265185fb0e3.txt",
  documentNumber: "济医保发〔2023〕7号",
  effectiveFrom: "2023-01-01",
  effectiveTo: null,
  effectiveSource: defaulted(DOC, "文头", "文件未写印发和执行日期；取 2023年1月1日（文号年度），长期有效至新版本替代"),
  ranking: rankingOf(CATEGORIES),
  categories: CATEGORIES,
  subsidy: SUBSIDY_PRESETS["jining-2023"],
  basicInsurance: defaultBasicInsurance(DOC, "§二", "稳定基本医疗保障待遇水平，合理确定待遇标准"),
  criticalIllness: null,
  limitPools: [],
  assistance: {
    rules: [],
    source: defaulted(
      DOC,
      "§二",
      "文件只写“对医疗救助对象实行分类分层托底救助保障”，未给起付线、比例和限额（见济政办发〔2022〕14号）；本记录未配置，结算时医疗救助为 0，请按市里标准补充",
      "大病保险对政策范围内高额费用负担给予进一步保障，并向特困人员、低保对象、返贫致贫人口实行倾斜，对医疗救助对象实行分类分层托底救助保障",
    ),
  },
  tiltedAssistance: [],
  specialFood: null,
  coverageTarget: { percent: "99.00", source: cite("002", "§一", "实现困难群众应保尽保，确保参保率稳定在99%以上") },
  monitoring: [
    {
      id: "edge-and-monitored",
      name: "低保边缘家庭成员和防止返贫监测帮扶对象高额费用监测",
      categories: ["dibao_edge", ...MONITORED_GROUPS],
      figure: "afterBasicAndCritical",
      includeOutOfScope: false,
      comparison: "gt",
      factorPercent: "50",
      parameter: "priorYearIncome",
      source: cite(DOC, "§三", HIGH_COST, SCOPE_NOTE),
    },
    {
      id: "ordinary",
      name: "普通参保人员高额费用监测",
      categories: ["ordinary"],
      figure: "afterBasicAndCritical",
      includeOutOfScope: false,
      comparison: "gt",
      factorPercent: "150",
      parameter: "priorYearIncome",
      source: cite(DOC, "§三", HIGH_COST, SCOPE_NOTE),
    },
  ],
  parameters: {
    definitions: [{ name: "priorYearIncome", label: "山东省上年全省居民人均可支配收入" }],
    values: [
      { year: 2023, name: "priorYearIncome", value: "37560", source: defaulted(DOC, "§三", "文件未写数值；取山东省2022年居民人均可支配收入 37560 元（统计公报），请核对") },
    ],
  },
};
