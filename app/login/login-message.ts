import { beijingClock } from "@/lib/auth/domain/session-policy";

// One wording for a wrong password, an unknown username and a disabled
// account, so the answer never tells which usernames exist.
export const INVALID_LOGIN = "用户名或密码错误，或账号已停用。请核对后重试；忘记密码请联系系统管理员重置。";

/** The Chinese message for next-auth's error code of a refused login ("locked:<ISO>", "throttled:<ISO>"). */
export function loginRefusalMessage(code: string | undefined, now = new Date()): string {
  const [kind, iso] = (code ?? "").split(/:(.+)/);
  const until = iso ? new Date(iso) : null;
  if (!until || Number.isNaN(until.getTime())) return INVALID_LOGIN;
  const at = beijingClock(until, now);
  if (kind === "locked") return `登录失败次数过多，该账号已临时锁定。请于 ${at}（北京时间）后再试，或联系系统管理员解锁。`;
  if (kind === "throttled") return `本机登录失败次数过多，已暂停登录。请于 ${at}（北京时间）后再试。`;
  if (kind === "busy") return `登录尝试过于频繁，请于 ${at}（北京时间）后再试。`;
  return INVALID_LOGIN;
}
