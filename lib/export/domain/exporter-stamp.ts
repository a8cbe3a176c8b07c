import type { SessionUser } from "@/lib/auth/domain/actor";
import { BEIJING_OFFSET_MS } from "@/lib/calendar/domain/iso-date";

// Who exported a file and when, written inside the file itself: a printed or
// forwarded list of personal data still names the person responsible for it.
// The office works in Beijing time whatever the server's zone (UTC+8, no DST).

/** `2026-12-01 23:10` in Beijing time. */
export function beijingMinute(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}

/** `导出人：张三（yibao.clerk） 导出时间：2026-12-01 23:10（北京时间）` */
export function exporterStamp(user: Pick<SessionUser, "displayName" | "username">, at: Date): string {
  return `导出人：${user.displayName}（${user.username}） 导出时间：${beijingMinute(at)}（北京时间）`;
}
