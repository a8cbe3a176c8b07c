// How the applicant was told of a refusal (003 §三(八) "书面说明理由，并通知申请人").
export const NOTICE_CHANNELS = ["in_person", "post", "phone", "sms"] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

export const NOTICE_CHANNEL_NAMES: Record<NoticeChannel, string> = {
  in_person: "当面",
  post: "邮寄",
  phone: "电话",
  sms: "短信",
};

export function isNoticeChannel(value: unknown): value is NoticeChannel {
  return typeof value === "string" && (NOTICE_CHANNELS as readonly string[]).includes(value);
}
