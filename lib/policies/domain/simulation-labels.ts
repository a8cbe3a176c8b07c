import type { SimTier, SubsidySource } from "./simulation-tally";

// Chinese labels of 政策测算's rows, shared by the page and the export.

export const TIER_LABELS: Record<SimTier, string> = {
  basic: "基本医保",
  critical: "大病保险",
  assistance: "医疗救助",
  tilted: "倾斜救助",
  selfPaid: "个人自付",
};

export const SOURCE_LABELS: Record<SubsidySource, string> = {
  medical_assistance: "医疗救助资金",
  finance: "财政资金",
  personal: "个人缴费",
};
