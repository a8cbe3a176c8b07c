import type { Category } from "@/lib/categories/categories";
import { SUBSIDY_PRESETS } from "@/lib/subsidy/presets";
import type { PolicyRecordInput } from "../schema/policy-record";
import { cite, defaultBasicInsurance, defaulted, rankingOf, EVERY_INSURED } from "./preset-helpers";

// 山东 004: 鲁医保发〔2019〕69号 as forwarded by 临医保发〔2019〕62号 — segmented
// critical illness for 贫困人口, special drugs, assistance ≥ 70 %, 再救助 and PKU food.

const DOC = "004";
// 004 §二(一): 医保扶贫对象 (四类) + 低收入救助对象 + 因病致贫家庭重病患者.
const CATEGORIES: Category[] = ["tekun", "dibao", "illness_poverty", "registered_poor", "severe_disability", "low_income"];
// 004 §一(二): "建档立卡贫困人口、特困人员、低保对象、重度残疾人（以下简称贫困人口）".
const POOR: Category[] = ["registered_poor", "tekun", "dibao", "severe_disability"];
const SEGMENTS = "5000元以上（含）、10万元以下的部分给予65%补偿；10万元以上（含）、30万元以下的部分给予75%补偿；30万（含）以上的部分给予85%补偿";
const UNREFERRED = "004 未写转诊要求（§二(二)5 只写按规定转诊的住院费用连续计算起付线）；按 docs/policy.md §4 采用 001 §二(六) 的原则";

export const shandong2019: PolicyRecordInput = {
  id: "shandong-2019",
  version: 1,
  name: "山东省关于进一步做好医保扶贫工作的指导意见（临沂市转发）",
  region: { name: "山东省", level: "province" },
  document: "004_407a32830ab7c36e.txt",
  documentNumber: "鲁医保发〔2019〕69号（临医保发〔2019〕62号转发）",
  effectiveFrom: "2019-01-01",
  effectiveTo: null,
  effectiveSource: defaulted(DOC, "§二(二)2", "文件未写执行日期；按“2019年起，取消贫困人口居民大病保险封顶线”取 2019年1月1日，长期有效至新版本替代", "2019年起"),
  ranking: rankingOf(CATEGORIES),
  categories: CATEGORIES,
  subsidy: SUBSIDY_PRESETS["shandong-2019"],
  basicInsurance: defaultBasicInsurance(DOC, "§二(二)5", "巩固提高政策范围内住院费用报销比例"),
  criticalIllness: {
    settings: ["inpatient", "outpatient"],
    categories: POOR,
    deductible: { kind: "amount", amount: "5000", source: cite(DOC, "§二(二)2", "全省贫困人口大病保险起付标准统一降至5000元") },
    payment: {
      kind: "segments",
      segments: [
        { upTo: "100000", ratioPercent: "65" },
        { upTo: "300000", ratioPercent: "75" },
        { upTo: null, ratioPercent: "85" },
      ],
      source: cite(DOC, "§二(二)2", SEGMENTS, "分段按年度累计的基本医保后合规费用计算；“以上（含）”即分段下限属于较高一段"),
    },
    annualCap: { amount: null, source: cite(DOC, "§二(二)2", "2019年起，取消贫困人口居民大病保险封顶线") },
    tilt: null,
    specialDrug: {
      categories: POOR,
      deductible: "0",
      ratioPercent: "60",
      annualCap: "200000",
      source: cite(DOC, "§二(二)2", "实现贫困人口使用大病保险特药不设起付线，报销比例为60%，封顶线为20万元", "特药单独计算，不计入普通大病保险的累计基数"),
    },
    source: cite(
      DOC,
      "§二(二)2",
      "对个人负担的合规医疗费用，经基本医保报销后，达到5000元以上的部分给予补偿",
      "文件只规定贫困人口的大病保险；低收入救助对象和因病致贫重病患者的普通大病保险未配置，结算时须传 criticalPaid",
    ),
  },
  limitPools: [
    { id: "inpatient", name: "重特大疾病住院救助年度限额", annualLimit: "10000", source: defaulted(DOC, "§二(二)3 三", "文件写“救助限额不低于 1 万元”；按 docs/policy.md §4 取下限", "救助限额不低于 1 万元") },
    { id: "re-assistance", name: "再救助年度限额", annualLimit: "20000", source: cite(DOC, "§二(二)3 四", "年度累计救助限额不超过 2 万元") },
  ],
  assistance: {
    rules: [
      {
        id: "dibao-tekun",
        name: "重特大疾病住院救助",
        categories: ["dibao", "tekun"],
        disease: "any",
        settings: ["inpatient"],
        trigger: "any",
        minHospitalLevel: null,
        stayCostAbove: null,
        referral: { referredRequired: true, inCityRequired: false, source: defaulted(DOC, "§二(二)5", UNREFERRED) },
        deductible: { kind: "none", source: cite(DOC, "§二(二)3 三", "不设救助起付线") },
        ratioPercent: "70",
        pool: "inpatient",
        source: defaulted(
          DOC,
          "§二(二)3 三",
          "文件写“不低于 70%”；按 docs/policy.md §4 取下限",
          "对低保对象、特困人员经基本医保、大病保险报销后个人负担的政策范围内住院费用，不设救助起付线，给予不低于 70% 的救助",
        ),
      },
    ],
    source: defaulted(
      DOC,
      "§二(二)3",
      "建档立卡贫困人口和重度残疾人“按统筹地区设置起付标准、救助比例和最高救助限额”，门诊救助“给予一定金额”，文件均未给数字，未配置",
    ),
  },
  tiltedAssistance: [
    {
      id: "re-assistance",
      name: "再救助",
      period: "annual",
      thresholds: [{ categories: POOR, amount: "5000" }],
      comparison: "gt",
      base: "aboveThreshold",
      ratioPercent: "70",
      pool: "re-assistance",
      settings: ["inpatient"],
      referral: { referredRequired: true, inCityRequired: false, source: defaulted(DOC, "§二(二)5", UNREFERRED) },
      source: cite(
        DOC,
        "§二(二)3 四",
        "对贫困人口一个医疗年度内因住院发生的符合政策范围内的费用，经…“五重保障”报销后剩余个人承担的部分，超过 5000 元以上的部分按照 70% 的比例给予再救助",
        "医疗机构减免和商业补充保险不在结算输入中，按三重制度后的年度累计住院自付计算",
      ),
    },
  ],
  specialFood: {
    kind: "pku",
    name: "苯丙酮尿症特殊治疗食品救助",
    categories: [...EVERY_INSURED],
    bands: [
      { maxAge: 18, ratioPercent: "75", annualLimit: "15000" },
      { maxAge: null, ratioPercent: "70", annualLimit: "12000" },
    ],
    source: cite(
      DOC,
      "§二(二)3 五",
      "18 岁及以下患者按不低于 75% 比例给予救助，每人每年最高支付额度 1.5 万元；18 岁以上患者费用医疗救助按 70% 比例给予救助、年度最高支付额度 1.2 万元",
      "“不低于 75%”取下限；年龄按就医日的周岁计算，满 19 周岁起为“18 岁以上”",
    ),
  },
  coverageTarget: { percent: "100.00", source: cite("004", "§三(五)", "确保贫困人口参保率达到 100%") },
  monitoring: [],
  parameters: { definitions: [], values: [] },
};
