// The written application's documents (003 §三(八): "须持相关证件和民政部门认定证明材料，
// 提供本年度的诊断病历、必要的病史证明材料和医疗费用结算单据"). Under 容缺受理
// (002 §三 "探索实行容缺受理和事后补交材料") a case is accepted with items missing;
// each missing item has a due date, and the county cannot approve while any
// item is still missing — it must be supplied, or waived with a reason.

export const DOCUMENT_ITEMS = ["identity", "certification", "diagnosis", "history", "receipts"] as const;
export type DocumentItem = (typeof DOCUMENT_ITEMS)[number];

export const DOCUMENT_NAMES: Record<DocumentItem, string> = {
  identity: "身份证件",
  certification: "民政部门认定证明",
  diagnosis: "本年度诊断病历",
  history: "病史证明",
  receipts: "医疗费用结算单据",
};

export const DOCUMENT_STATUSES = ["supplied", "missing", "waived"] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const DOCUMENT_STATUS_NAMES: Record<DocumentStatus, string> = {
  supplied: "已提供",
  missing: "缺件待补",
  waived: "免予提供",
};

export type DocumentEntry = { item: DocumentItem; status: DocumentStatus };

export function isDocumentItem(value: string): value is DocumentItem {
  return (DOCUMENT_ITEMS as readonly string[]).includes(value);
}

/** The items still missing, in checklist order (an item absent from the list counts as missing). */
export function missingDocuments(documents: readonly DocumentEntry[]): DocumentItem[] {
  const status = new Map(documents.map((d) => [d.item, d.status]));
  return DOCUMENT_ITEMS.filter((item) => (status.get(item) ?? "missing") === "missing");
}
