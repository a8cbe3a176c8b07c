import { SEVEN_LOW_INCOME, type Category } from "@/lib/categories/categories";
import { SUBSIDY_PRESETS } from "@/lib/subsidy/presets";
import type { PolicyRecordInput } from "../schema/policy-record";
import { cite, defaultBasicInsurance, defaulted, rankingOf, EVERY_INSURED } from "./preset-helpers";

// 城口 000: 城府办发〔2021〕216号 — transition-period policy from 2022-01-01.

const DOC = "000";
const CATEGORIES: Category[] = [...SEVEN_LOW_INCOME, "stable_exit"];
// 000 §三(七): 特困人员、低保对象、返贫致贫人口 ≥ 70 %, 其他低收入人口 ≥ 60 %.
const HIGH: Category[] = ["tekun", "dibao", "returned_poverty"];
const LOW: Category[] = SEVEN_LOW_INCOME.filter((c) => !HIGH.includes(c));

const REFERRAL = {
  referredRequired: true,
  inCityRequired: false,
  source: defaulted(DOC, "§三(七)", "000 未写转诊要求；按 docs/policy.md §4 采用 001 §二(六)“未按规定转诊的…原则上不纳入医疗救助范围”"),
};
const NO_DEDUCTIBLE = {
  kind: "none" as const,
  source: defaulted(DOC, "§三(七)", "文件未写救助起付线；默认不设（同市彭水 001 §二(三)2 取消年度救助起付标准）"),
};
const rule = (id: string, name: string, categories: Category[], ratioPercent: string, quote: string) => ({
  id, name, categories, disease: "any" as const, settings: ["inpatient" as const, "outpatient" as const], trigger: "any" as const,
  minHospitalLevel: null, stayCostAbove: null, referral: REFERRAL, deductible: NO_DEDUCTIBLE, ratioPercent, pool: "annual",
  source: defaulted(DOC, "§三(七)", `文件写“不低于${ratioPercent}%”；按 docs/policy.md §4 取下限`, quote),
});

export const chengkou2022: PolicyRecordInput = {
  id: "chengkou-2022",
  version: 1,
  name: "城口县巩固拓展医疗保障脱贫攻坚成果有效衔接乡村振兴战略实施方案",
  region: { name: "重庆市城口县", level: "county" },
  document: "000_1e8e531daaf8380f.txt",
  documentNumber: "城府办发〔2021〕216号",
  effectiveFrom: "2022-01-01",
  effectiveTo: "2025-12-31",
  effectiveSource: cite(DOC, "§六、§一", "实施方案中有关政策调整，从2022年1月1日起统一执行", "过渡期至2025年12月31日止（§一）"),
  ranking: rankingOf(CATEGORIES),
  categories: CATEGORIES,
  subsidy: SUBSIDY_PRESETS["chengkou-2022"],
  basicInsurance: defaultBasicInsurance(DOC, "§三(五)", "确保县域内政策范围内住院费用支付比例总体保持在70%左右"),
  criticalIllness: {
    settings: ["inpatient", "outpatient"],
    categories: [...EVERY_INSURED],
    deductible: { kind: "parameterShare", parameter: "priorYearIncome", percent: "50", source: cite(DOC, "§三(六)", "大病保险起付线维持在全市上年度居民人均可支配收入的50%") },
    payment: { kind: "flat", ratioPercent: "60", source: cite(DOC, "§三(六)", "政策范围内支付比例稳定在60%左右", "“左右”取 60%") },
    annualCap: { amount: null, source: defaulted(DOC, "§三(六)", "文件只写倾斜对象不设封顶线，未写普通对象的封顶线；未配置即不封顶，请按市级大病保险政策填写") },
    tilt: {
      categories: HIGH,
      deductibleFactorPercent: "50",
      ratioPointsPercent: "5",
      removeCap: true,
      source: cite(DOC, "§三(六)、§二(二)", "大病保险起付线降低50%，报销比例提高5个百分点，不设封顶线"),
    },
    specialDrug: null,
    source: cite(DOC, "§三(六)", "过渡期内，继续对特困人员、低保对象、返贫致贫人口实施倾斜支付政策"),
  },
  limitPools: [
    {
      id: "annual",
      name: "医疗救助年度限额（门诊和住院共用）",
      annualLimit: "100000",
      source: defaulted(
        DOC,
        "§三(七)",
        "文件只写“确保年度救助限额内”“门诊和住院救助共用年度救助限额”，未写金额。默认值 10 万元，取同属重庆市的彭水县（彭水府办发〔2023〕52号）特殊疾病救助年度限额；请按本县办法核对",
        "门诊和住院救助共用年度救助限额",
      ),
    },
  ],
  assistance: {
    rules: [
      rule("high", "医疗救助", HIGH, "70", "特困人员、低保对象、返贫致贫人口政策范围内个人自付医疗费用救助比例不低于70%"),
      rule("low-income", "医疗救助", LOW, "60", "其他低收入人口不低于60%"),
    ],
    source: cite(
      DOC,
      "§三(七)、§二(二)",
      "确保年度救助限额内…救助比例不低于70%，其他低收入人口不低于60%",
      "稳定脱贫人口转为按规定享受基本医疗保险待遇（§二(二)），不享受医疗救助；“倾斜救助”与“依申请救助”（§三(七)、§三(八)）文件未给比例，一事一议，未配置",
    ),
  },
  tiltedAssistance: [],
  specialFood: null,
  coverageTarget: null,
  monitoring: [
    {
      id: "seven-low-income",
      name: "因病返贫致贫风险监测",
      categories: [...SEVEN_LOW_INCOME],
      figure: "afterThreeTiers",
      includeOutOfScope: false,
      comparison: "gte",
      factorPercent: "200",
      parameter: "monitoringStandard",
      source: cite(DOC, "§三(八)", "当年内符合政策范围内的医疗费用，经基本医保、大病保险和医疗救助后，自付费用达到乡村振兴部门确定的监测标准2倍及以上的人员进行监测"),
    },
  ],
  parameters: {
    definitions: [
      { name: "priorYearIncome", label: "重庆市上年度全体居民人均可支配收入" },
      { name: "monitoringStandard", label: "乡村振兴部门确定的监测标准" },
    ],
    values: [
      { year: 2022, name: "priorYearIncome", value: "33803", source: defaulted(DOC, "§三(六)", "文件未写数值；取重庆市2021年全体居民人均可支配收入 33803 元（统计公报），请核对") },
      { year: 2023, name: "priorYearIncome", value: "35666", source: defaulted(DOC, "§三(六)", "文件未写数值；取重庆市2022年全体居民人均可支配收入 35666 元（统计公报），请核对") },
      { year: 2024, name: "priorYearIncome", value: "37595", source: defaulted(DOC, "§三(六)", "文件未写数值；取重庆市2023年全体居民人均可支配收入 37595 元（统计公报），请核对") },
    ],
  },
};
