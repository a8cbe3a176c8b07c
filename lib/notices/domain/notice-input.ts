import { isIsoDate } from "@/lib/calendar/domain/iso-date";

// Input checks for the notice's header and for objections (异议). Pure:
// each problem is returned with the field it concerns and a Chinese message,
// the use case turns it into a ValidationError.

export type Problem = { field: string; message: string };
type Parsed<T> = { ok: true; value: T } | ({ ok: false } & Problem);

export type NoticeHeader = {
  /** 发布单位, e.g. 桃洪镇人民政府 */
  issuer: string;
  /** The office's contact phone (an office number, not a person's). */
  contactPhone: string;
  /** 异议受理方式: how to object (e.g. 当面、电话或信函向镇民政办反映). */
  objectionChannel: string;
  /** 异议受理单位/人: to whom. */
  objectionTo: string;
};

export const HEADER_LIMITS = { issuer: 60, contactPhone: 40, objectionChannel: 300, objectionTo: 100 } as const;
const HEADER_NAMES: Record<keyof NoticeHeader, string> = {
  issuer: "发布单位",
  contactPhone: "联系电话",
  objectionChannel: "异议受理方式",
  objectionTo: "异议受理单位（人）",
};

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

export function parseNoticeHeader(input: Record<string, unknown>, required = true): Parsed<NoticeHeader> {
  const out = {} as NoticeHeader;
  for (const key of Object.keys(HEADER_LIMITS) as (keyof NoticeHeader)[]) {
    const v = text(input[key]);
    if (!v && required) return { ok: false, field: key, message: `请填写${HEADER_NAMES[key]}` };
    if ([...v].length > HEADER_LIMITS[key]) return { ok: false, field: key, message: `${HEADER_NAMES[key]}不能超过 ${HEADER_LIMITS[key]} 个字` };
    out[key] = v;
  }
  if (out.contactPhone && !/^[0-9()（）\-－ +转]{5,40}$/.test(out.contactPhone)) {
    return { ok: false, field: "contactPhone", message: "联系电话只能包含数字、括号、短横线和“转”，如 0739-1234567" };
  }
  return { ok: true, value: out };
}

export const OBJECTION_CHANNELS = ["in_person", "phone", "letter", "online", "other"] as const;
export type ObjectionChannel = (typeof OBJECTION_CHANNELS)[number];
export const OBJECTION_CHANNEL_NAMES: Record<ObjectionChannel, string> = {
  in_person: "当面",
  phone: "电话",
  letter: "信函",
  online: "网络",
  other: "其他",
};

export type ObjectionInput = {
  applicationId: string | null;
  /** null: anonymous (匿名). */
  objector: string | null;
  objectorContact: string | null;
  content: string;
  receivedOn: string;
  channel: ObjectionChannel;
};

export const OBJECTION_TEXT_LIMIT = 1000;

export function parseObjection(input: Record<string, unknown>): Parsed<ObjectionInput> {
  const content = text(input.content);
  if (!content) return { ok: false, field: "content", message: "请填写异议内容" };
  if ([...content].length > OBJECTION_TEXT_LIMIT) return { ok: false, field: "content", message: `异议内容不能超过 ${OBJECTION_TEXT_LIMIT} 个字` };
  const receivedOn = text(input.receivedOn);
  if (!isIsoDate(receivedOn)) return { ok: false, field: "receivedOn", message: "请填写收到异议的日期，格式 YYYY-MM-DD" };
  const channel = text(input.channel);
  if (!(OBJECTION_CHANNELS as readonly string[]).includes(channel)) {
    return { ok: false, field: "channel", message: "请选择异议方式：当面、电话、信函、网络或其他" };
  }
  const objector = text(input.objector);
  if ([...objector].length > 50) return { ok: false, field: "objector", message: "异议人姓名不能超过 50 个字" };
  const contact = text(input.objectorContact);
  if ([...contact].length > 60) return { ok: false, field: "objectorContact", message: "异议人联系方式不能超过 60 个字" };
  const applicationId = text(input.applicationId);
  return {
    ok: true,
    value: { applicationId: applicationId || null, objector: objector || null, objectorContact: contact || null, content, receivedOn, channel: channel as ObjectionChannel },
  };
}

export type ObjectionOutcome = "upheld" | "dismissed";
export const OBJECTION_OUTCOME_NAMES: Record<ObjectionOutcome, string> = { upheld: "异议成立（退回县级复核）", dismissed: "异议不成立" };

export function parseObjectionOutcome(input: Record<string, unknown>): Parsed<{ outcome: ObjectionOutcome; reason: string }> {
  const outcome = text(input.outcome);
  if (outcome !== "upheld" && outcome !== "dismissed") return { ok: false, field: "outcome", message: "请选择处理结果：异议成立或异议不成立" };
  const reason = text(input.reason);
  if (!reason) return { ok: false, field: "reason", message: outcome === "upheld" ? "请填写异议成立的理由（将随案件退回县级复核）" : "请填写异议不成立的理由" };
  if ([...reason].length > OBJECTION_TEXT_LIMIT) return { ok: false, field: "reason", message: `处理理由不能超过 ${OBJECTION_TEXT_LIMIT} 个字` };
  return { ok: true, value: { outcome, reason } };
}
