import { DEFAULT_UPLOAD_MB, sizeText } from "@/lib/uploads/upload-limit";

// Messages of a claims upload, shared by the import form (checked before
// sending) and the server (checked again while the upload is written to
// disk). The limit is UPLOAD_MAX_MB, the same for every upload
// (lib/uploads/upload-limit.ts): a county's yearly claims export fits.

export const CLAIMS_EXTENSIONS = [".xlsx", ".csv", ".txt"] as const;

export const WRONG_CLAIMS_TYPE = "只能导入 .xlsx 或 .csv 格式的结算记录；旧版 .xls 或 WPS .et 文件请先“另存为” .xlsx";

export function claimsTooLarge(bytes: number | null, limitMb: number = DEFAULT_UPLOAD_MB): string {
  return `文件过大${sizeText(bytes)}：网页导入的结算记录不能超过 ${limitMb} MB。请按月份或乡镇拆分成几个文件分别导入（已导入的记录再次导入不会重复入账）`;
}

export function claimsExtension(fileName: string): string | null {
  const ext = /\.[^./\\]+$/.exec(fileName)?.[0]?.toLowerCase() ?? "";
  return (CLAIMS_EXTENSIONS as readonly string[]).includes(ext) ? ext : null;
}
