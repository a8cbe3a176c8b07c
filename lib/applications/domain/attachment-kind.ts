import { DOCUMENT_ITEMS, DOCUMENT_NAMES, type DocumentItem } from "./documents";

// What a scanned attachment of an application may be (docs/policy.md §6):
// a PDF, a JPEG or a PNG, told by the file's first bytes — never by its
// extension or the type the browser sent, both of which the sender chooses.
// A renamed program, a Word file or an HTML page is refused whatever it is
// called, so nothing the portal later hands out can be run or rendered as a page.

export type AttachmentType = "application/pdf" | "image/jpeg" | "image/png";

export const ATTACHMENT_TYPE_NAMES: Record<AttachmentType, string> = {
  "application/pdf": "PDF",
  "image/jpeg": "JPEG 图片",
  "image/png": "PNG 图片",
};

export const ATTACHMENT_EXTENSIONS: Record<AttachmentType, string> = {
  "application/pdf": ".pdf",
  "image/jpeg": ".jpg",
  "image/png": ".png",
};

/** How many leading bytes sniffAttachmentType needs. */
export const SNIFF_BYTES = 8;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The type the leading bytes declare, or null. PDF: "%PDF-" (ISO 32000 §7.5.2);
 * JPEG: the SOI marker FF D8 followed by another marker's FF; PNG: its 8-byte
 * signature (ISO 15948 §5.2).
 */
export function sniffAttachmentType(head: Uint8Array): AttachmentType | null {
  if (head.length >= 5 && String.fromCharCode(...head.subarray(0, 5)) === "%PDF-") return "application/pdf";
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "image/jpeg";
  if (head.length >= 8 && PNG.every((b, i) => head[i] === b)) return "image/png";
  return null;
}

/**
 * 20 MB per file: a phone photo is 2–8 MB and a scanned multi-page PDF at
 * 300 dpi stays well under 20 MB, while a case's folder stays small enough to
 * back up with the database. Lower than the imports' UPLOAD_MAX_MB (100 MB),
 * which is sized for million-row rosters.
 */
export const ATTACHMENT_MAX_MB = 20;
export const ATTACHMENT_MAX_BYTES = ATTACHMENT_MAX_MB * 1024 * 1024;

export const ATTACHMENT_ITEMS = [...DOCUMENT_ITEMS, "other"] as const;
export type AttachmentItem = DocumentItem | "other";

export const ATTACHMENT_ITEM_NAMES: Record<AttachmentItem, string> = { ...DOCUMENT_NAMES, other: "其他" };

export function isAttachmentItem(value: unknown): value is AttachmentItem {
  return typeof value === "string" && (ATTACHMENT_ITEMS as readonly string[]).includes(value);
}

/** The refusal of a file whose bytes are none of the three types, naming the field and the file. */
export function wrongAttachmentType(fileName: string): string {
  return `附件（file）“${fileName}”不是 PDF、JPEG 或 PNG 文件：格式按文件内容判断，与扩展名无关，请上传扫描件或照片`;
}
export const EMPTY_ATTACHMENT = "附件（file）是空文件，请重新选择扫描件或照片";
export const WRONG_ATTACHMENT_ITEM = `附件类别（item）须为：${ATTACHMENT_ITEMS.map((i) => ATTACHMENT_ITEM_NAMES[i]).join("、")}`;

export function attachmentTooLarge(bytes: number | null): string {
  const size = bytes === null ? "" : `（${(bytes / 1024 / 1024).toFixed(1)} MB）`;
  return `附件（file）过大${size}：每个附件不超过 ${ATTACHMENT_MAX_MB} MB，请压缩或分页扫描后再上传`;
}

/** "1.2 MB" / "350 KB" for the list. */
export function attachmentSizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
