import { CATEGORY_INFO, type Category } from "@/lib/categories/categories";
import { SUBSIDY_PRESETS } from "@/lib/subsidy/presets";
import type { PolicyRecordInput } from "../schema/policy-record";
import { cite, defaultBasicInsurance, defaulted, MONITORED_GROUPS, rankingOf, EVERY_INSURED } from "./preset-helpers";

// 邵阳 003: 邵医保发〔2021〕32号 — critical illness 11000 / 60 % with the tilt,
// and on-application assistance (依申请救助) 6000 / 50 % / 5万.

const DOC = "003";
const CATEGORIES: Category[] = [
  "tekun", "dibao", "dibao_edge", "illness_poverty", "returned_poverty", ...MONITORED_GROUPS,
  "stable_exit", "severe_disability", "ordinary",
];
const TILTED: Category[] = ["tekun", "dibao", "returned_poverty"];
/** Where 003 defers regular assistance, the national guideline is the marked default (docs/policy.md §4). */
const NATIONAL = "国务院办公厅《关于健全重特大疾病医疗保险和救助制度的意见》（国办发〔2021〕42号）";
const APPLICATION = "对其经基本医保、大病保险支付后，属于医疗救助政策支付范围内的费用救助标准统一为：起付线 6000 元，按 50%救助，年度救助最高限额为 5 万元";

const DEFERRED = "在《湖南省医疗救助办法》出台以前，继续实施健康扶贫期间医疗救助政策";
const REFERRAL_DEFAULT = "003 未写转诊要求；按 docs/policy.md §4 采用 001 §二(六) 的原则";
type AssistanceRuleInput = PolicyRecordInput["assistance"]["rules"][number];

/**
 * Regular (one-stop) assistance for a group whose deductible the national
 * guideline sets as a share of the prior-year per-capita disposable income
 * (低保边缘 about 10 %, 因病致贫重病患者 about 25 %), in the limit shared with
 * 特困 and 低保 — every figure a marked default (003 §三(七) defers).
 */
function guidelineShareRule(r: { id: string; name: string; category: Category; percent: string; ratioPercent: string; ratioNote: string }): AssistanceRuleInput {
  const group = CATEGORY_INFO[r.category].name;
  return {
    id: r.id,
    name: r.name,
    categories: [r.category],
    disease: "any",
    settings: ["inpatient", "outpatient"],
    trigger: "settlement",
    minHospitalLevel: null,
    stayCostAbove: null,
    referral: { referredRequired: true, inCityRequired: false, source: defaulted(DOC, "§三(七)", REFERRAL_DEFAULT) },
    deductible: {
      kind: "perYearShare",
      parameter: "priorYearIncome",
      percent: r.percent,
      source: defaulted(DOC, "§三(七)", `${NATIONAL}：${group}起付标准按上年当地居民人均可支配收入的${r.percent}%左右确定；“左右”取 ${r.percent}%`),
    },
    ratioPercent: r.ratioPercent,
    pool: "regular",
    source: defaulted(
      DOC,
      "§三(七)",
      `${NATIONAL}：${r.ratioNote}，与特困、低保共用常规救助年度限额。文件把常规救助交给《湖南省医疗救助办法》，未给标准；默认值，请按本地办法核对`,
      DEFERRED,
    ),
  };
}

export const shaoyang2021: PolicyRecordInput = {
  id: "shaoyang-2021",
  version: 1,
  name: "邵阳市关于巩固拓展医疗保障脱贫攻坚成果有效衔接乡村振兴战略的实施方案",
  region: { name: "湖南省邵阳市", level: "city" },
  document: "003_ca757da97cba7b16.txt",
  documentNumber: "邵医保发〔2021〕32号",
  effectiveFrom: "2021-09-01",
  effectiveTo: null,
  effectiveSource: cite(DOC, "末段", "本实施方案从 2021 年 9 月 1 日起执行", "文件未写失效日期；长期有效至新版本替代"),
  ranking: rankingOf(CATEGORIES),
  categories: CATEGORIES,
  subsidy: SUBSIDY_PRESETS["shaoyang-2021"],
  basicInsurance: defaultBasicInsurance(DOC, "§三(五)", "确保县域内政策范围内住院费用支付比例总体稳定在 70%左右"),
  criticalIllness: {
    settings: ["inpatient", "outpatient"],
    categories: [...EVERY_INSURED],
    deductible: { kind: "amount", amount: "11000", source: cite(DOC, "§三(六)", "参保农村居民大病保险起付线统一为 11000元") },
    payment: { kind: "flat", ratioPercent: "60", source: cite(DOC, "§三(六)", "政策范围内支付比例稳定在 60%") },
    annualCap: { amount: null, source: defaulted(DOC, "§三(六)", "文件只写倾斜对象取消封顶线，未写普通对象的封顶线；未配置即不封顶，请按市级大病保险政策填写") },
    tilt: {
      categories: TILTED,
      deductibleFactorPercent: "50",
      ratioPointsPercent: "5",
      removeCap: true,
      source: cite(DOC, "§三(六)", "对特困人员、低保对象、返贫致贫人口实施起付线降低 50%、报销比例提高 5 个百分点、取消封顶线的倾斜保障政策"),
    },
    specialDrug: null,
    source: cite(DOC, "§三(六)、§二(二)", "大病保险继续对特困人员、低保对象和返贫致贫人口实施倾斜支付"),
  },
  limitPools: [
    {
      id: "regular",
      name: "常规医疗救助年度限额（门诊和住院共用）",
      annualLimit: "50000",
      source: defaulted(
        DOC,
        "§三(七)",
        `${NATIONAL}：年度救助限额由统筹地区确定。文件未给数额，默认取本文件依申请救助的年度最高限额 5 万元，请按《湖南省医疗救助办法》和本地办法核对`,
      ),
    },
    { id: "application", name: "依申请救助年度限额", annualLimit: "50000", source: cite(DOC, "§三(八)", "年度救助最高限额为 5 万元") },
  ],
  assistance: {
    rules: [
      {
        id: "regular",
        name: "常规医疗救助",
        categories: ["tekun", "dibao"],
        disease: "any",
        settings: ["inpatient", "outpatient"],
        trigger: "settlement",
        minHospitalLevel: null,
        stayCostAbove: null,
        referral: {
          referredRequired: true,
          inCityRequired: false,
          source: defaulted(DOC, "§三(七)", "003 未写转诊要求；按 docs/policy.md §4 采用 001 §二(六) 的原则"),
        },
        deductible: { kind: "none", source: defaulted(DOC, "§三(七)", `${NATIONAL}：特困人员、低保对象原则上取消起付标准`) },
        ratioPercent: "70",
        pool: "regular",
        source: defaulted(
          DOC,
          "§三(七)",
          `${NATIONAL}：特困人员、低保对象政策范围内个人自付住院费用按不低于70%的比例救助。文件把常规救助交给《湖南省医疗救助办法》（出台前沿用健康扶贫期间政策），未给标准；默认值，请按本地办法核对`,
          "在《湖南省医疗救助办法》出台以前，继续实施健康扶贫期间医疗救助政策",
        ),
      },
      guidelineShareRule({
        id: "regular-edge",
        name: "常规医疗救助·低保边缘",
        category: "dibao_edge",
        percent: "10",
        ratioPercent: "65",
        ratioNote: "低保边缘家庭成员救助比例略低于低保对象；默认取 65%（低保对象 70% 减 5 个百分点）",
      }),
      guidelineShareRule({
        id: "regular-illness",
        name: "常规医疗救助·因病致贫",
        category: "illness_poverty",
        percent: "25",
        ratioPercent: "60",
        ratioNote: "因病致贫重病患者救助比例略低于低保边缘家庭成员；默认取 60%（低保边缘 65% 减 5 个百分点）；依申请救助另按 §三(八)",
      }),
      {
        id: "on-application",
        name: "依申请医疗救助",
        categories: [...MONITORED_GROUPS, "illness_poverty"],
        disease: "any",
        settings: ["inpatient", "outpatient"],
        trigger: "application",
        minHospitalLevel: null,
        stayCostAbove: null,
        referral: {
          referredRequired: true,
          inCityRequired: false,
          source: defaulted(DOC, "§三(八)", "003 未写转诊要求；按 docs/policy.md §4 采用 001 §二(六) 的原则"),
        },
        deductible: { kind: "perApplication", amount: "6000", source: cite(DOC, "§三(八)", "起付线 6000 元", "按次（每次获批申请）计算起付线：“依申请、经审核后按次享受医疗救助待遇”") },
        ratioPercent: "50",
        pool: "application",
        source: cite(
          DOC,
          "§三(八)",
          APPLICATION,
          "对象为“年度内发生高额医疗费用的易返贫致贫人口（监测对象）和因高额医疗费用支出导致家庭基本生活出现严重困难的大病患者（因病致贫重病患者）”",
        ),
      },
    ],
    source: defaulted(
      DOC,
      "§三(七)",
      "常规医疗救助执行《湖南省医疗救助办法》，文件未给标准：按国办发〔2021〕42号的全国指导标准默认——特困人员、低保对象不设起付线、70%；低保边缘家庭成员起付线为上年人均可支配收入的 10%、65%；因病致贫重病患者起付线为其 25%、60%；共用年度限额 5 万元。均为默认值，请按本地办法核对；经三重制度后负担超过当地上年人均可支配收入25%左右的倾斜救助须另行申请审核，文件未给比例，未配置（见监测规则）",
      "严格执行《湖南省医疗救助办法》…合理确定医疗救助标准、起付线和年度救助限额",
    ),
  },
  tiltedAssistance: [],
  specialFood: null,
  coverageTarget: {
    percent: "100.00",
    source: cite(DOC, "§二(一)", "确保困难群众……基本医保全覆盖", "“统筹地区常住人口参保率稳定在 95%以上”指全部常住人口，不是救助对象的参保率"),
  },
  monitoring: [
    {
      id: "heavy-burden",
      name: "三重制度后个人负担较重预警",
      categories: CATEGORIES,
      figure: "afterThreeTiers",
      includeOutOfScope: false,
      comparison: "gt",
      factorPercent: "25",
      parameter: "priorYearIncome",
      source: cite(
        DOC,
        "§三(八)、§三(十五)",
        "经基本医保、大病保险和医疗救助三重制度支付后政策范围内个人负担医疗费用仍然较重（超过当地居民上年度人均可支配收入的 25%左右）且有返贫致贫风险的",
        "“左右”取 25%；是否“有返贫致贫风险”由民政、乡村振兴部门核实",
      ),
    },
  ],
  parameters: {
    definitions: [{ name: "priorYearIncome", label: "当地（邵阳市）居民上年度人均可支配收入" }],
    values: [],
  },
};
