// Limits of an enrolment upload, shared by the upload form (checked before
// sending) and the server (checked again while the upload is written to disk).
// Uploads pass Next's proxy, which buffers at most 10 MB of a request body
// (proxyClientMaxBodySize) and cuts the rest: larger files are refused up
// front, and a body cut short is caught by comparing sizes.

export const MAX_ENROLMENT_UPLOAD_MB = 9.5;
export const MAX_ENROLMENT_UPLOAD_BYTES = MAX_ENROLMENT_UPLOAD_MB * 1024 * 1024;

export const ENROLMENT_EXTENSIONS = [".xlsx", ".csv", ".txt"] as const;

export const WRONG_ENROLMENT_TYPE = "只能上传 .xlsx 或 .csv 格式的参保缴费数据；旧版 .xls 或 WPS .et 文件请先“另存为” .xlsx";

export function enrolmentTooLarge(bytes: number | null): string {
  const size = bytes === null ? "" : `（${(bytes / 1024 / 1024).toFixed(1)} MB）`;
  return `文件过大${size}：网页上传的参保缴费数据不能超过 ${MAX_ENROLMENT_UPLOAD_MB} MB，请按乡镇拆分为几个文件分别上传（已导入的人员再次导入不会重复入账）`;
}

export function enrolmentExtension(fileName: string): string | null {
  const ext = /\.[^./\\]+$/.exec(fileName)?.[0]?.toLowerCase() ?? "";
  return (ENROLMENT_EXTENSIONS as readonly string[]).includes(ext) ? ext : null;
}
