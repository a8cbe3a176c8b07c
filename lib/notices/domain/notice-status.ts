// A notice's status as the workbench shows it. Stored is only draft or
// published (and the window dates); "in window" and "closed" follow from the
// date, so no job has to flip them and the public page can never show a
// notice a day longer than its window.

export type StoredNoticeStatus = "draft" | "published";
export type NoticeStatus = "due" | "draft" | "published" | "in_window" | "closed";

export const NOTICE_STATUS_NAMES: Record<NoticeStatus, string> = {
  due: "待起草",
  draft: "草稿",
  published: "已发布（未到公示期）",
  in_window: "公示中",
  closed: "公示期满",
};

export function noticeStatus(
  n: { status: StoredNoticeStatus; windowStart: string | null; windowEnd: string | null },
  today: string,
): Exclude<NoticeStatus, "due"> {
  if (n.status === "draft" || n.windowStart === null || n.windowEnd === null) return "draft";
  if (today < n.windowStart) return "published";
  if (today <= n.windowEnd) return "in_window";
  return "closed";
}
