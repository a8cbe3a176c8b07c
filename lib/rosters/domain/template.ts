import { CATEGORY_INFO, categoriesOf } from "@/lib/categories/categories";
import { DEPARTMENT_NAMES, type RosterDepartment } from "@/lib/departments/departments";
import { toXlsx } from "@/lib/export/domain/xlsx";
import { COLUMN_HEADERS, COLUMN_KEYS, REQUIRED_COLUMNS } from "./columns";
import { TEMPLATE_EXAMPLE } from "./example";
import { MAX_NOTE_CHARS } from "./field-checks";

// The downloadable template: the roster sheet first (the reader takes the first
// sheet), then a sheet of instructions. ID and division code columns are
// formatted as text so that what a clerk types or pastes keeps every digit —
// the usual way rosters break is an 18-digit ID turned into 4.30524E+17.

const WIDTHS: Record<string, number> = { id_number: 22, division_code: 16, certified_on: 14, note: 30 };
const TEXT_COLUMNS = new Set(["id_number", "division_code"]);

export async function rosterTemplate(department: RosterDepartment): Promise<Buffer> {
  const categories = categoriesOf(department);
  const example = {
    id_number: TEMPLATE_EXAMPLE.idNumber,
    name: TEMPLATE_EXAMPLE.name,
    category: CATEGORY_INFO[categories[0]!].name,
    change: TEMPLATE_EXAMPLE.change,
    division_code: TEMPLATE_EXAMPLE.divisionCode,
    certified_on: TEMPLATE_EXAMPLE.certifiedOn,
    note: TEMPLATE_EXAMPLE.note,
  };
  const columns = COLUMN_KEYS.map((key) => ({
    header: COLUMN_HEADERS[key],
    key,
    width: WIDTHS[key] ?? 12,
    ...(TEXT_COLUMNS.has(key) ? { numFmt: "@" } : {}),
  }));
  const help = [
    ["报送单位", DEPARTMENT_NAMES[department]],
    ["必填列", REQUIRED_COLUMNS.map((k) => COLUMN_HEADERS[k]).join("、")],
    ["身份证号", "18位，末位可为X；请保持本列为“文本”格式，不要转成数字"],
    ["类别", `本单位可报送：${categories.map((c) => CATEGORY_INFO[c].name).join("、")}`],
    ["变动", "新增（本月新认定）、减少（本月退出）、在册（目前在册的全部人员）"],
    ["区划代码", "12位统计用区划代码，填到村（社区）一级，须在本单位辖区内"],
    ["认定日期", "如 2025-01-05、2025/1/5、2025年1月5日，不能晚于报送月份的最后一天"],
    ["备注", `可不填，不超过${MAX_NOTE_CHARS}个字`],
    ["示例行", "第2行为示例，上传前请删除"],
  ].map(([item, text]) => ({ item: item!, text: text! }));
  return toXlsx([
    { name: "名单", columns, rows: [example] },
    {
      name: "填写说明",
      columns: [
        { header: "项目", key: "item", width: 12 },
        { header: "说明", key: "text", width: 80 },
      ],
      rows: help,
    },
  ]);
}
