import { DEFAULT_UPLOAD_MB, sizeText } from "@/lib/uploads/upload-limit";

// Messages of a roster upload through the browser or the HTTP API, shared by
// the upload form (checked before sending) and the server (checked again while
// the upload is streamed to disk). The limit is UPLOAD_MAX_MB
// (lib/uploads/upload-limit.ts); a million-row CSV is about 75 MB; bigger
// files go through the command line (`roster import`), which reads from disk.

export const UPLOAD_EXTENSIONS = [".xlsx", ".csv", ".txt"] as const;

export function tooLargeMessage(bytes: number | null, limitMb: number = DEFAULT_UPLOAD_MB): string {
  return `文件过大${sizeText(bytes)}：网页上传的名单不能超过 ${limitMb} MB。请按乡镇拆分为几个文件分别上传，或请系统管理员用命令行 roster import 导入`;
}

/** The extension (lower case, with the dot) when it is one we read, else null. */
export function uploadExtension(fileName: string): (typeof UPLOAD_EXTENSIONS)[number] | null {
  const ext = /\.[^./\\]+$/.exec(fileName)?.[0]?.toLowerCase();
  return (UPLOAD_EXTENSIONS as readonly string[]).includes(ext ?? "") ? (ext as (typeof UPLOAD_EXTENSIONS)[number]) : null;
}

export const WRONG_TYPE_MESSAGE = "只能上传 .xlsx 或 .csv 格式的名单；旧版 .xls 或 WPS .et 文件请先“另存为” .xlsx";
