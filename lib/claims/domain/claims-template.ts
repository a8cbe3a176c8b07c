import { toXlsx } from "@/lib/export/domain/xlsx";
import { TEMPLATE_EXAMPLE } from "@/lib/rosters/domain/example";
import { CLAIM_COLUMN_KEYS, CLAIM_HEADERS, OPTIONAL_CLAIM_COLUMNS } from "./claim-columns";

// The downloadable template for settlement records: the record sheet first
// (the import reads the first sheet), then the instructions. Number-like
// identifiers are text cells so an 18-digit ID keeps every digit. The example
// row uses the roster template's reserved ID, which the import rejects, so a
// template uploaded with the example left in is caught.

const TEXT = new Set(["external_id", "id_number"]);
const WIDTHS: Record<string, number> = { external_id: 20, id_number: 22, hospital: 24, claim_date: 14, hospital_waived: 16, commercial_paid: 18 };

const EXAMPLE: Record<string, string> = {
  external_id: "JS20260315000123",
  id_number: TEMPLATE_EXAMPLE.idNumber,
  name: TEMPLATE_EXAMPLE.name,
  claim_date: "2026-03-15",
  setting: "住院",
  hospital: "隆回县人民医院",
  hospital_level: "二级",
  special_disease: "否",
  referred: "是",
  in_city: "是",
  total_cost: "36800.00",
  policy_scope_cost: "32000.00",
  basic_paid: "22400.00",
  critical_paid: "",
  on_application: "否",
  hospital_waived: "",
  commercial_paid: "",
};

const HELP: [string, string][] = [
  ["必填列", CLAIM_COLUMN_KEYS.filter((k) => !OPTIONAL_CLAIM_COLUMNS.has(k)).map((k) => CLAIM_HEADERS[k]).join("、")],
  ["结算流水号", "医保平台的结算流水号，每条记录唯一；再次导入内容相同的记录不会重复入账；同一流水号金额或其他内容有变化时按更正处理：原记录作废留档，以新内容重新结算此人当年全部记录"],
  ["身份证号", "18位，末位可为X；人员须已在本系统登记且户籍在本辖区内；请保持本列为“文本”格式"],
  ["结算日期", "如 2026-03-15、2026/3/15、2026年3月15日；同一人的记录按日期顺序结算，导入先后不影响结果"],
  ["就诊类型", "住院 或 门诊（门诊慢特病等填 门诊）"],
  ["医院等级", "一级、二级、三级，或 1、2、3"],
  ["特殊疾病、按规定转诊、市域内", "是 或 否"],
  ["金额", "单位为元，最多两位小数，不能为负；政策范围内费用不能大于医疗总费用"],
  ["基本医保支付、大病保险支付", "可不填：不填时按政策参数计算；填写大病保险支付时须同时填写基本医保支付，两者之和不能大于政策范围内费用"],
  ["依申请", "是 或 否，可不填（视为否）；经乡镇受理、医保局审核通过的依申请救助填 是"],
  ["医疗机构减免、商业补充保险赔付", "医疗机构减免的金额和医疗商业补充保险（如惠民保）赔付的金额，单位为元，可不填（视为 0）；两者之和不能大于医疗总费用。按政策在计算倾斜救助（再救助）前从个人负担中先行扣除"],
  ["示例行", "第2行为示例，上传前请删除"],
];

export async function claimsTemplate(): Promise<Buffer> {
  return toXlsx([
    {
      name: "结算记录",
      columns: CLAIM_COLUMN_KEYS.map((key) => ({ header: CLAIM_HEADERS[key], key, width: WIDTHS[key] ?? 14, ...(TEXT.has(key) ? { numFmt: "@" } : {}) })),
      rows: [EXAMPLE],
    },
    {
      name: "填写说明",
      columns: [
        { header: "项目", key: "item", width: 26 },
        { header: "说明", key: "text", width: 90 },
      ],
      rows: HELP.map(([item, text]) => ({ item, text })),
    },
  ]);
}
