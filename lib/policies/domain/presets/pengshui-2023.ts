import type { Category } from "@/lib/categories/categories";
import { SUBSIDY_PRESETS } from "@/lib/subsidy/presets";
import type { PolicyRecordInput } from "../schema/policy-record";
import { cite, defaultBasicInsurance, defaulted, MONITORED_GROUPS, rankingOf, EVERY_INSURED } from "./preset-helpers";

// 彭水 001: 彭水府办发〔2023〕52号 — the full assistance formula.

const DOC = "001";
const CATEGORIES: Category[] = [
  "tekun", "dibao", "dibao_edge", "illness_poverty", "returned_poverty",
  "unstable_exit", "edge_poverty", "sudden_hardship", "monitored",
  "priority_veteran", "severe_disability",
];
// 001 §二(三)2: 特困人员、低保对象、返贫致贫人口 80 %, 其他救助对象 70 %.
const HIGH: Category[] = ["tekun", "dibao", "returned_poverty"];
const OTHER: Category[] = CATEGORIES.filter((c) => !HIGH.includes(c));

const REFERRAL = {
  referredRequired: true,
  inCityRequired: false,
  source: cite(DOC, "§二(六)", "未按规定转诊的救助对象，所发生的医疗费用原则上不纳入医疗救助范围"),
};
const NO_DEDUCTIBLE = { kind: "none" as const, source: cite(DOC, "§二(三)2", "取消年度救助起付标准") };
const SPECIAL = "救助对象患特殊疾病，在定点医药机构发生住院费用或门诊治疗费用的，经基本医保、大病保险报销后的政策范围内费用，按比例给予救助";
const OTHER_DISEASE = "救助对象患特殊疾病以外的其他疾病，在二级及以上医疗机构一次性住院发生医保政策范围内费用超过3万元的…按特殊疾病的救助比例给予救助";

const special = (id: string, categories: Category[], ratioPercent: string) => ({
  id, name: "特殊疾病救助", categories, disease: "special" as const, settings: ["inpatient" as const, "outpatient" as const],
  trigger: "any" as const, minHospitalLevel: null, stayCostAbove: null, referral: REFERRAL, deductible: NO_DEDUCTIBLE,
  ratioPercent, pool: "special-disease", source: cite(DOC, "§二(三)2", SPECIAL),
});
const other = (id: string, categories: Category[], ratioPercent: string) => ({
  id, name: "其他疾病住院救助", categories, disease: "other" as const, settings: ["inpatient" as const],
  trigger: "any" as const, minHospitalLevel: 2 as const, stayCostAbove: "30000", referral: REFERRAL, deductible: NO_DEDUCTIBLE,
  ratioPercent, pool: "other-disease", source: cite(DOC, "§二(三)2", OTHER_DISEASE),
});

export const pengshui2023: PolicyRecordInput = {
  id: "pengshui-2023",
  version: 1,
  name: "彭水县关于健全重特大疾病医疗保险和救助制度的实施意见",
  region: { name: "重庆市彭水苗族土家族自治县", level: "county" },
  document: "001_f9469e3115be5feb.txt",
  documentNumber: "彭水府办发〔2023〕52号",
  effectiveFrom: "2023-05-30",
  effectiveTo: null,
  effectiveSource: defaulted(DOC, "落款", "文件未写执行日期；取印发日期 2023年5月30日，长期有效至新版本替代"),
  ranking: rankingOf(CATEGORIES),
  categories: CATEGORIES,
  subsidy: SUBSIDY_PRESETS["pengshui-2023"],
  basicInsurance: defaultBasicInsurance(DOC, "§二(二)2", "发挥基本医保主体保障功能，严格执行基本医保支付范围和标准"),
  criticalIllness: {
    settings: ["inpatient", "outpatient"],
    categories: [...EVERY_INSURED],
    deductible: {
      kind: "parameterShare",
      parameter: "priorYearIncome",
      percent: "50",
      source: defaulted(DOC, "§二(二)2", "001 只写倾斜政策，普通起付线执行重庆市政策；按同市城口 000 §三(六)“全市上年度居民人均可支配收入的50%”"),
    },
    payment: { kind: "flat", ratioPercent: "60", source: defaulted(DOC, "§二(二)2", "普通报销比例执行重庆市政策；按同市城口 000 §三(六)“稳定在60%左右”取 60%") },
    annualCap: { amount: null, source: defaulted(DOC, "§二(二)2", "文件未写普通对象的封顶线；未配置即不封顶，请按市级大病保险政策填写") },
    tilt: {
      categories: HIGH,
      deductibleFactorPercent: "50",
      ratioPointsPercent: "5",
      removeCap: true,
      source: cite(DOC, "§二(二)2", "特困人员、低保对象和返贫致贫人口大病保险起付线降低 50%，报销比例提高 5 个百分点，不设封顶线"),
    },
    specialDrug: null,
    source: cite(DOC, "§二(二)2", "增强大病保险减负功能"),
  },
  limitPools: [
    { id: "special-disease", name: "特殊疾病救助年度限额（门诊和住院共用）", annualLimit: "100000", source: cite(DOC, "§二(三)2、§二(三)3", "年度救助限额10万元；门诊和住院救助共用年度救助限额") },
    { id: "other-disease", name: "其他疾病住院救助年度限额", annualLimit: "60000", source: cite(DOC, "§二(三)2", "年度救助限额6万元", "默认与特殊疾病的 10 万元分列两个限额（文件分两段各写一个限额）；如按“门诊和住院救助共用年度救助限额”理解为共用，可在本限额中选择“计入特殊疾病救助年度限额”，则全年合计不超过 10 万元") },
    { id: "tilted", name: "倾斜救助年度限额", annualLimit: "20000", source: cite(DOC, "§二(三)3", "年度救助限额 2 万元") },
  ],
  assistance: {
    rules: [special("special-high", HIGH, "80"), special("special-other", OTHER, "70"), other("other-high", HIGH, "80"), other("other-other", OTHER, "70")],
    source: cite(DOC, "§二(三)2", "合理设定医疗救助比例和年度救助限额", "依申请（§二(四)2）与一站式结算适用同一标准"),
  },
  tiltedAssistance: [
    {
      id: "tilted",
      name: "倾斜救助",
      period: "perVisit",
      thresholds: [
        { categories: ["tekun"], amount: "3000" },
        { categories: ["dibao", "returned_poverty"], amount: "4000" },
        { categories: [...MONITORED_GROUPS, "dibao_edge", "illness_poverty"], amount: "5000" },
      ],
      comparison: "gte",
      base: "aboveThreshold",
      ratioPercent: "60",
      pool: "tilted",
      settings: ["inpatient", "outpatient"],
      referral: { referredRequired: true, inCityRequired: true, source: cite(DOC, "§二(三)3", "对规范转诊且在市内就医的救助对象…给予倾斜救助") },
      source: defaulted(
        DOC,
        "§二(三)3",
        "“达到…及以上的，按60%的比例救助”未说明基数；按 docs/policy.md §4 取超过起付标准的部分（base 可改为 whole）",
        "对一次性就医经三重制度综合保障后医疗保险政策范围内的自付费用达到倾斜救助起付线标准的，实行分类倾斜救助",
      ),
    },
  ],
  specialFood: null,
  coverageTarget: null,
  monitoring: [
    {
      id: "high-cost",
      name: "高额医疗费用支出预警监测",
      categories: ["tekun", "dibao", "dibao_edge", ...MONITORED_GROUPS],
      figure: "afterThreeTiers",
      includeOutOfScope: false,
      comparison: "gt",
      factorPercent: "50",
      parameter: "priorYearIncome",
      source: defaulted(
        DOC,
        "§二(四)1",
        "文件要求“结合实际确定监测标准”而未给数字；默认：三重制度（“基本医保、大病保险等”，含医疗救助，同市城口 000 §三(八) 口径）支付后年度自付超过上年度人均可支配收入的 50%（济宁 002 §三 的比例），请按县里确定的标准修改",
        "重点监测经基本医保、大病保险等支付后个人年度医疗费用负担仍然较重的特困人员、低保对象、低保边缘家庭成员和农村易返贫致贫人口",
      ),
    },
  ],
  parameters: {
    definitions: [{ name: "priorYearIncome", label: "重庆市上年度全体居民人均可支配收入" }],
    values: [
      { year: 2023, name: "priorYearIncome", value: "35666", source: defaulted(DOC, "§二(二)2", "文件未写数值；取重庆市2022年全体居民人均可支配收入 35666 元（统计公报），请核对") },
      { year: 2024, name: "priorYearIncome", value: "37595", source: defaulted(DOC, "§二(二)2", "文件未写数值；取重庆市2023年全体居民人均可支配收入 37595 元（统计公报），请核对") },
    ],
  },
};
