import { toXlsx } from "@/lib/export/domain/xlsx";
import { TEMPLATE_EXAMPLE } from "@/lib/rosters/domain/example";
import { ENROLMENT_HEADERS, ENROLMENT_KEYS, OPTIONAL_KEYS, REQUIRED_KEYS } from "./columns";

// The downloadable template: the data sheet first (the reader takes the first
// sheet), then the instructions. The example row uses the roster template's
// example ID, which the ID check refuses, so a template uploaded with the
// example left in is caught.

const WIDTHS: Partial<Record<string, number>> = { id_number: 22, contribution: 14, tier1: 18, paid_on: 14 };

export async function enrolmentTemplate(): Promise<Buffer> {
  const example = {
    id_number: TEMPLATE_EXAMPLE.idNumber,
    name: TEMPLATE_EXAMPLE.name,
    year: "2026",
    tier: "一档",
    contribution: "400.00",
    tier1: "400.00",
    paid_on: "2025-10-15",
    fee_exempt: "否",
  };
  const columns = ENROLMENT_KEYS.map((key) => ({
    header: ENROLMENT_HEADERS[key],
    key,
    width: WIDTHS[key] ?? 12,
    // Text format so an 18-digit ID keeps every digit and amounts keep their cents.
    numFmt: "@",
  }));
  const help = [
    ["必填列", REQUIRED_KEYS.map((k) => ENROLMENT_HEADERS[k]).join("、")],
    ["可选列", `${OPTIONAL_KEYS.map((k) => ENROLMENT_HEADERS[k]).join("、")}（二档参保人员须填一档个人缴费标准）`],
    ["身份证号", "18位，末位可为X；请保持本列为“文本”格式"],
    ["参保年度", "四位年份；一个文件只导入一个年度"],
    ["缴费档次", "一档 或 二档"],
    ["个人缴费标准", "所参加档次的个人缴费标准（元），最多两位小数"],
    ["一档个人缴费标准", "本年度一档的个人缴费标准（元）；二档人员的资助按一档标准计算，全文件应一致"],
    ["缴费日期", "如 2025-10-15；按缴费当日的救助身份确定资助标准，之后身份变化不再差额资助"],
    ["免缴人员", "是 或 否，不填视为否"],
    ["其他人员", "未列入救助名单的参保人员不计入台账，可保留在文件中"],
    ["示例行", "第2行为示例，上传前请删除"],
  ].map(([item, text]) => ({ item: item!, text: text! }));
  return toXlsx([
    { name: "参保缴费数据", columns, rows: [example] },
    { name: "填写说明", columns: [{ header: "项目", key: "item", width: 16 }, { header: "说明", key: "text", width: 90 }], rows: help },
  ]);
}
