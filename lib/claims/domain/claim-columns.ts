import { headerResolver, type HeaderLayout } from "@/lib/tabular-import/header-resolver";
import type { TableColumns } from "@/lib/tabular-import/read-table";

// The columns of a settlement-record file (结算记录) as the insurance platform
// exports them: Chinese headers, English aliases and the platform's own
// variants, in any order. 基本医保支付 / 大病保险支付 / 依申请 / 医疗机构减免 /
// 商业补充保险赔付 may be absent (the last two are then 0).

export const CLAIM_COLUMN_KEYS = [
  "external_id",
  "id_number",
  "name",
  "claim_date",
  "setting",
  "hospital",
  "hospital_level",
  "special_disease",
  "referred",
  "in_city",
  "total_cost",
  "policy_scope_cost",
  "basic_paid",
  "critical_paid",
  "on_application",
  "hospital_waived",
  "commercial_paid",
] as const;
export type ClaimColumnKey = (typeof CLAIM_COLUMN_KEYS)[number];

export const CLAIM_HEADERS: Record<ClaimColumnKey, string> = {
  external_id: "结算流水号",
  id_number: "身份证号",
  name: "姓名",
  claim_date: "结算日期",
  setting: "就诊类型",
  hospital: "医疗机构",
  hospital_level: "医院等级",
  special_disease: "特殊疾病",
  referred: "按规定转诊",
  in_city: "市域内",
  total_cost: "医疗总费用",
  policy_scope_cost: "政策范围内费用",
  basic_paid: "基本医保支付",
  critical_paid: "大病保险支付",
  on_application: "依申请",
  hospital_waived: "医疗机构减免",
  commercial_paid: "商业补充保险赔付",
};

export const OPTIONAL_CLAIM_COLUMNS: ReadonlySet<ClaimColumnKey> = new Set(["basic_paid", "critical_paid", "on_application", "hospital_waived", "commercial_paid"]);
export const REQUIRED_CLAIM_COLUMNS = CLAIM_COLUMN_KEYS.filter((k) => !OPTIONAL_CLAIM_COLUMNS.has(k));

const ALIASES: Record<ClaimColumnKey, string[]> = {
  external_id: ["结算编号", "结算单号", "流水号", "就诊流水号", "settlementno", "externalid"],
  id_number: ["身份证号码", "公民身份号码", "证件号码", "身份证", "idnumber"],
  name: ["患者姓名", "参保人姓名", "name"],
  claim_date: ["结算时间", "settlementdate", "claimdate", "date"],
  setting: ["医疗类别", "就医类型", "就诊类别", "setting"],
  hospital: ["医疗机构名称", "定点医疗机构", "医院名称", "hospital"],
  hospital_level: ["医疗机构等级", "机构等级", "hospitallevel", "level"],
  special_disease: ["是否特殊疾病", "特殊病种", "specialdisease"],
  referred: ["是否按规定转诊", "规范转诊", "referred"],
  in_city: ["是否市域内", "市内就医", "incity"],
  total_cost: ["总费用", "医疗费用总额", "totalcost"],
  policy_scope_cost: ["政策内费用", "政策范围内金额", "policyscopecost"],
  basic_paid: ["统筹支付", "基本医疗保险支付", "基本医保统筹支付", "basicpaid"],
  critical_paid: ["大病支付", "大病保险", "criticalpaid"],
  on_application: ["依申请救助", "是否依申请", "onapplication"],
  hospital_waived: ["医院减免", "医疗机构减免金额", "机构减免", "减免金额", "hospitalwaived"],
  commercial_paid: ["医疗商业补充保险", "商业补充保险", "商业补充保险支付", "商业保险赔付", "商保赔付", "商保支付", "惠民保赔付", "惠民保", "commercialpaid"],
};

export type ClaimLayout = HeaderLayout<ClaimColumnKey>;

/** Maps the header row to columns, or throws a RosterFileError naming the bad header cell. */
export const resolveClaimHeader = headerResolver<ClaimColumnKey>({
  keys: CLAIM_COLUMN_KEYS,
  headers: CLAIM_HEADERS,
  aliases: ALIASES,
  required: REQUIRED_CLAIM_COLUMNS,
  expected: `结算记录的表头应为：${CLAIM_COLUMN_KEYS.map((k) => CLAIM_HEADERS[k]).join("、")}`,
});

/** The columns for the shared import reader. */
export const CLAIM_COLUMNS: TableColumns<ClaimColumnKey> = {
  keys: CLAIM_COLUMN_KEYS,
  headers: CLAIM_HEADERS,
  required: REQUIRED_CLAIM_COLUMNS,
  resolveHeader: resolveClaimHeader,
  noun: "结算记录",
};
