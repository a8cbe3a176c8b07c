import { DEFAULT_UPLOAD_MB, sizeText } from "@/lib/uploads/upload-limit";

// Messages of an enrolment upload, shared by the upload form (checked before
// sending) and the server (checked again while the upload is written to
// disk). The limit is UPLOAD_MAX_MB, the same for every upload
// (lib/uploads/upload-limit.ts).

export const ENROLMENT_EXTENSIONS = [".xlsx", ".csv", ".txt"] as const;

export const WRONG_ENROLMENT_TYPE = "只能上传 .xlsx 或 .csv 格式的参保缴费数据；旧版 .xls 或 WPS .et 文件请先“另存为” .xlsx";

export function enrolmentTooLarge(bytes: number | null, limitMb: number = DEFAULT_UPLOAD_MB): string {
  return `文件过大${sizeText(bytes)}：网页上传的参保缴费数据不能超过 ${limitMb} MB，请按乡镇拆分为几个文件分别上传（已导入的人员再次导入不会重复入账）`;
}

export function enrolmentExtension(fileName: string): string | null {
  const ext = /\.[^./\\]+$/.exec(fileName)?.[0]?.toLowerCase() ?? "";
  return (ENROLMENT_EXTENSIONS as readonly string[]).includes(ext) ? ext : null;
}
