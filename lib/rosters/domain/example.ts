import { checkChar } from "@/lib/id-number/id-number";

// The example row of the downloadable template. The ID is valid by GB 11643 but
// uses sequence code 999, which the standard reserves for people over 100, so
// it should not be anyone's real number for a 1958 birth date. validateRosterRow
// rejects it, which catches a template uploaded with the example left in.
const FIRST17 = "43052419580302999";

export const TEMPLATE_EXAMPLE = {
  idNumber: FIRST17 + checkChar(FIRST17),
  name: "张三",
  change: "新增",
  divisionCode: "430524101201",
  certifiedOn: "2025-01-05",
  note: "示例行，上传前请删除",
} as const;
