import { isIsoDate } from "@/lib/calendar/domain/iso-date";
import { ValidationError } from "@/lib/errors/app-error";
import { DOCUMENT_ITEMS, DOCUMENT_NAMES, type DocumentItem, type DocumentStatus } from "./documents";

// The written application as the township clerk records it (pure checks; each
// refusal names the field in Chinese). Phone and bank numbers leave here as
// digits only, to be sealed; their last four digits are kept for the masked display.

export const FILER_KINDS = ["self", "family", "village_committee"] as const;
export type FilerKind = (typeof FILER_KINDS)[number];
export const FILER_KIND_NAMES: Record<FilerKind, string> = { self: "本人", family: "家属代办", village_committee: "村（居）委会代办" };

export type IntakeInput = {
  personId?: unknown;
  acceptedOn?: unknown;
  urgent?: unknown;
  urgentReason?: unknown;
  filerKind?: unknown;
  filerName?: unknown;
  filerRelation?: unknown;
  phone?: unknown;
  bankHolder?: unknown;
  bankName?: unknown;
  bankAccount?: unknown;
  diagnosisSummary?: unknown;
  documents?: unknown;
};

export type IntakeDocument = { item: DocumentItem; status: DocumentStatus; dueOn: string | null; waiveReason: string | null };

export type Intake = {
  personId: string;
  acceptedOn: string;
  urgent: boolean;
  urgentReason: string | null;
  filerKind: FilerKind;
  filerName: string | null;
  filerRelation: string | null;
  phone: string;
  bank: { holder: string; name: string; account: string } | null;
  diagnosisSummary: string;
  documents: IntakeDocument[];
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");

function bounded(v: unknown, field: string, what: string, max: number, required: boolean): string | null {
  const t = text(v);
  if (!t) {
    if (required) throw new ValidationError(field, `请填写${what}`);
    return null;
  }
  if ([...t].length > max) throw new ValidationError(field, `${what}不能超过 ${max} 个字`);
  return t;
}

/** Mobile (11 digits starting 1) or a landline with area code (0 + 9–11 digits); separators allowed. */
export function normalizePhone(v: unknown): string {
  const digits = text(v).replace(/[\s-]/g, "");
  if (!/^(1\d{10}|0\d{9,11})$/.test(digits)) {
    throw new ValidationError("phone", "联系电话应为 11 位手机号或带区号的固定电话，如 13812345678 或 0739-6821234");
  }
  return digits;
}

/** A bank card or account number: 12 to 30 digits, spaces allowed. */
export function normalizeBankAccount(v: unknown): string {
  const digits = text(v).replace(/\s/g, "");
  if (!/^\d{12,30}$/.test(digits)) throw new ValidationError("bankAccount", "银行账号应为 12 至 30 位数字，如 6222 0212 3456 7890 123");
  return digits;
}

/**
 * 6222 **** **** 1234: the first four (the bank's BIN, names only the card
 * product) and the last four digits, the rest masked. `head` is **** for a case
 * stored before the first four were kept (applications.bank_account_head null).
 */
export function maskBankAccount(tail: string, head = "****"): string {
  return `${head} **** **** ${tail}`;
}

/** 138****5678-style: only the last four digits are kept in clear. */
export function maskPhone(tail: string): string {
  return `*******${tail}`;
}

function documentsOf(v: unknown): IntakeDocument[] {
  const given = Array.isArray(v) ? v : [];
  const byItem = new Map<string, Record<string, unknown>>();
  for (const d of given) {
    if (d && typeof d === "object" && typeof (d as { item?: unknown }).item === "string") byItem.set((d as { item: string }).item, d as Record<string, unknown>);
  }
  for (const key of byItem.keys()) {
    if (!(DOCUMENT_ITEMS as readonly string[]).includes(key)) throw new ValidationError("documents", `材料清单中有未知项目“${key.slice(0, 20)}”`);
  }
  return DOCUMENT_ITEMS.map((item) => {
    const d = byItem.get(item);
    const status = text(d?.status) || "missing";
    const name = DOCUMENT_NAMES[item];
    if (status !== "supplied" && status !== "missing" && status !== "waived") {
      throw new ValidationError(`documents.${item}`, `${name}的状态应为已提供、缺件待补或免予提供`);
    }
    if (status === "missing") {
      // 容缺受理: accepted without it, with the date it is due.
      const dueOn = text(d?.dueOn);
      if (!isIsoDate(dueOn)) throw new ValidationError(`documents.${item}`, `${name}缺件，请填写补交期限（YYYY-MM-DD）`);
      return { item, status, dueOn, waiveReason: null };
    }
    if (status === "waived") {
      const reason = bounded(d?.waiveReason, `documents.${item}`, `${name}免予提供的理由`, 200, true);
      return { item, status, dueOn: null, waiveReason: reason };
    }
    return { item, status, dueOn: null, waiveReason: null };
  });
}

/** Checks the intake form; `today` is the Beijing date (acceptance cannot lie ahead). */
export function parseIntake(input: IntakeInput, today: string): Intake {
  const personId = text(input.personId);
  if (!UUID.test(personId)) throw new ValidationError("personId", "请先查找并选择申请人");
  const acceptedOn = text(input.acceptedOn);
  if (!isIsoDate(acceptedOn)) throw new ValidationError("acceptedOn", "受理日期应为 YYYY-MM-DD，如 2025-01-24");
  if (acceptedOn > today) throw new ValidationError("acceptedOn", `受理日期 ${acceptedOn} 晚于今天`);
  const urgent = input.urgent === true || input.urgent === "on" || input.urgent === "true";
  const urgentReason = bounded(input.urgentReason, "urgentReason", "特事特办的理由（突发重特大疾病情况）", 200, urgent);
  const filerKind = text(input.filerKind) as FilerKind;
  if (!(FILER_KINDS as readonly string[]).includes(filerKind)) throw new ValidationError("filerKind", "请选择申请方式：本人、家属代办或村（居）委会代办");
  const filerName = bounded(input.filerName, "filerName", "代办人姓名", 50, filerKind !== "self");
  const filerRelation = bounded(input.filerRelation, "filerRelation", "代办人与申请人的关系", 20, filerKind === "family");
  const phone = normalizePhone(input.phone);
  const holder = bounded(input.bankHolder, "bankHolder", "银行户名", 50, false);
  const bankName = bounded(input.bankName, "bankName", "开户行", 100, false);
  const anyBank = holder !== null || bankName !== null || text(input.bankAccount) !== "";
  let bank: Intake["bank"] = null;
  if (anyBank) {
    if (holder === null) throw new ValidationError("bankHolder", "请填写银行户名");
    if (bankName === null) throw new ValidationError("bankName", "请填写开户行");
    bank = { holder, name: bankName, account: normalizeBankAccount(input.bankAccount) };
  }
  const diagnosisSummary = bounded(input.diagnosisSummary, "diagnosisSummary", "诊断摘要", 500, true)!;
  return { personId, acceptedOn, urgent, urgentReason: urgent ? urgentReason : null, filerKind, filerName, filerRelation: filerKind === "family" ? filerRelation : null, phone, bank, diagnosisSummary, documents: documentsOf(input.documents) };
}
