import { subsidyRulesSchema, type SourceRef, type SubsidyRules, type SubsidyRulesInput } from "./rules";

// One subsidy rule set per seed document (docs/cli.md,
// "Policy presets"). Every value cites its paragraph; `defaulted` marks where the
// document leaves the value open and the product's default is used.

export const SUBSIDY_PRESET_IDS = ["chengkou-2022", "pengshui-2023", "jining-2023", "shaoyang-2021", "shandong-2019"] as const;
export type SubsidyPresetId = (typeof SUBSIDY_PRESET_IDS)[number];

const src = (doc: string, paragraph: string, note?: string, defaulted?: boolean): SourceRef =>
  ({ doc, paragraph, ...(note ? { note } : {}), ...(defaulted ? { defaulted } : {}) });

// z.input of one amount: what a preset writes before defaults are filled.
type AmountInput = SubsidyRulesInput["rules"][number]["tier1"];
const percent = (p: string, fundedBy: "medical_assistance" | "finance", source: SourceRef): AmountInput =>
  ({ kind: "percent", percent: p, of: "tier1", fundedBy, source });

// 000 §二(一) and 001 §二(二)1 name the monitored groups differently; the
// three monitored sub-groups of §1 are listed with `monitored` wherever a
// document names "监测对象" as one group, so a roster using either code works.
const MONITORED = ["monitored", "unstable_exit", "edge_poverty", "sudden_hardship"] as const;

// --- 城口 000 -------------------------------------------------------------
const CK = "§二(一)";
const ckFund = src("000", CK, "7类低收入人口的资助参保资金由医疗救助资金安排（同段第二自然段）");
const ckTier2 = percent("100", "medical_assistance", src("000", CK, "自愿参加二档的，统一按一档个人缴费标准的100%资助，超过部分个人自行负担"));

const chengkou: SubsidyRulesInput = {
  years: { from: 2022, to: 2025, source: src("000", "§六、§二(一)", "2022年1月1日起执行（§六）；资助参保为过渡期政策，过渡期至2025年12月31日（§一）") },
  rules: [
    { categories: ["tekun"], tier1: percent("100", "medical_assistance", ckFund), tier2: ckTier2 },
    { categories: ["dibao"], tier1: percent("90", "medical_assistance", ckFund), tier2: ckTier2 },
    {
      categories: ["returned_poverty", "unstable_exit", "edge_poverty", "sudden_hardship", "dibao_edge"],
      tier1: percent("70", "medical_assistance", ckFund),
      tier2: ckTier2,
    },
    // Phase-out for stable_exit: paid by county finance and 乡村振兴 衔接资金 (same
    // paragraph, second part); the fixed amount does not depend on the tier.
    ...([[2022, "100"], [2023, "50"]] as const).map(([year, amount]) => ({
      categories: ["stable_exit" as const],
      fromYear: year,
      toYear: year,
      tier1: {
        kind: "fixed" as const,
        amount,
        fundedBy: "finance" as const,
        remainder: { paidBy: "personal" as const },
        source: src("000", CK, `稳定脱贫人口渐退：${year}年定额资助${amount}元，由县财政局、县乡村振兴局统筹衔接资金等安排`),
      },
    })),
    { categories: ["stable_exit"], fromYear: 2024, tier1: { kind: "none", source: src("000", CK, "2024年按规定退出，不再享受资助参保政策") } },
  ],
};

// --- 彭水 001 -------------------------------------------------------------
const PS = "§二(二)1";
const psFund = src("001", PS, "文件未写资金来源；按 docs/policy.md §3 与城口 000 §二(一)，由医疗救助基金安排", true);
const psTier2 = percent("100", "medical_assistance", src("001", PS, "自愿参加二档的，统一按一档个人缴费标准的100%资助；资金来源同一档（默认医疗救助基金）", true));

const pengshui: SubsidyRulesInput = {
  years: { from: 2023, source: src("001", "文头", "彭水府办发〔2023〕52号，2023-05-30印发，未写执行日期，自2023参保年度起适用", true) },
  rules: [
    { categories: ["tekun"], tier1: percent("100", "medical_assistance", psFund), tier2: psTier2 },
    { categories: ["dibao"], tier1: percent("90", "medical_assistance", psFund), tier2: psTier2 },
    { categories: ["returned_poverty", ...MONITORED, "dibao_edge"], tier1: percent("70", "medical_assistance", psFund), tier2: psTier2 },
  ],
};

// --- 济宁 002 -------------------------------------------------------------
const JN = "§一";
const jining: SubsidyRulesInput = {
  years: { from: 2023, source: src("002", "文头", "济医保发〔2023〕7号，未写执行日期，自2023参保年度起适用", true) },
  rules: [
    {
      categories: ["tekun"],
      tier1: percent("100", "medical_assistance", src("002", JN, "个人缴费部分全额资助；文件未写资金来源，默认医疗救助基金", true)),
    },
    {
      categories: ["dibao"],
      tier1: {
        kind: "fixed",
        amount: "300",
        fundedBy: "medical_assistance",
        remainder: { paidBy: "finance" },
        source: src("002", JN, "医疗救助基金定额补贴每人每年300元，其余部分由各县（市、区）财政负担"),
      },
    },
    {
      categories: ["returned_poverty", "dibao_edge", ...MONITORED],
      tier1: {
        kind: "fixed",
        amount: "280",
        fundedBy: "medical_assistance",
        remainder: { paidBy: "personal", feeExemptPaidBy: "finance" },
        source: src("002", JN, "医疗救助基金定额资助每人每年280元；免缴费人群剩余部分由县级财政负担，其他人先行足额缴纳其余部分"),
      },
    },
  ],
};

// --- 邵阳 003 -------------------------------------------------------------
const SY = "§二(一)";
const syFund = (note: string, defaulted?: boolean) => src("003", SY, note, defaulted);
const shaoyang: SubsidyRulesInput = {
  years: { from: 2022, source: src("003", SY, "新的资助参保政策统一从开展2022年度城乡居民医保参保缴费工作时执行") },
  rules: [
    {
      categories: ["tekun", "severe_disability"],
      tier1: percent("100", "medical_assistance", syFund("特困人员个人缴费全额资助（医疗救助资助参保），重度残疾人、孤儿、事实无人抚养儿童参照执行")),
    },
    { categories: ["dibao"], tier1: percent("50", "medical_assistance", syFund("对低保对象给予50%的资助")) },
    {
      categories: ["returned_poverty", ...MONITORED, "dibao_edge"],
      toYear: 2025,
      tier1: percent(
        "50",
        "medical_assistance",
        syFund(
          "过渡期内，纳入民政和乡村振兴等部门农村低收入人口监测范围的困难人员、返贫致贫人口给予50%资助；低保边缘家庭属民政低收入人口监测范围；003 只写“5年过渡期”，按 000 §一 取至2025年",
          true,
        ),
      ),
    },
    { categories: ["stable_exit"], tier1: { kind: "none", source: syFund("未纳入农村低收入人口监测范围的稳定脱贫人口，按标准退出，不再享受资助参保") } },
  ],
};

// --- 山东 004 -------------------------------------------------------------
const SD = "§二(二)1";
const sdFixed = (amount: string, who: string): AmountInput => ({
  kind: "fixed",
  amount,
  fundedBy: "finance",
  remainder: { paidBy: "personal" },
  source: src(
    "004",
    SD,
    `${who}个人缴费实行定额补贴，金额由各统筹地区确定；默认取同省济宁 002 §一 的${amount}元（种子文件中唯一的山东定额），其余个人缴纳，由财政补贴（docs/policy.md §3）`,
    true,
  ),
});
const shandong: SubsidyRulesInput = {
  years: { from: 2019, source: src("004", "§一(二)", "2019年实现贫困人口参保全覆盖") },
  rules: [
    { categories: ["tekun"], tier1: percent("100", "finance", src("004", SD, "对特困人员，个人缴费部分由财政资金全额补贴")) },
    { categories: ["dibao"], tier1: sdFixed("300", "低保对象") },
    { categories: ["registered_poor", "severe_disability"], tier1: sdFixed("280", "建档立卡贫困人员、重度残疾人") },
  ],
};

/** Parsed once at load: a preset that does not satisfy the schema fails every test at once. */
export const SUBSIDY_PRESETS: Record<SubsidyPresetId, SubsidyRules> = {
  "chengkou-2022": subsidyRulesSchema.parse(chengkou),
  "pengshui-2023": subsidyRulesSchema.parse(pengshui),
  "jining-2023": subsidyRulesSchema.parse(jining),
  "shaoyang-2021": subsidyRulesSchema.parse(shaoyang),
  "shandong-2019": subsidyRulesSchema.parse(shandong),
};

export function isSubsidyPresetId(id: string): id is SubsidyPresetId {
  return (SUBSIDY_PRESET_IDS as readonly string[]).includes(id);
}
