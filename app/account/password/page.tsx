import type { Metadata } from "next";
import Link from "next/link";
import { requirePasswordChangeContext } from "@/lib/auth/current-actor";
import { PASSWORD_HISTORY_DEPTH, PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH, passwordMaxAgeDays } from "@/lib/auth/domain/password-policy";
import { changePasswordAction, logoutFromPasswordPage } from "./actions";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "修改密码" };
export const dynamic = "force-dynamic";

// Outside the portal's layout on purpose: a user who must change their
// password reaches nothing else (lib/auth/current-actor.ts sends every portal
// page and action here), so this page must not need the portal to render.
export default async function ChangePasswordPage() {
  const { ctx, reason } = await requirePasswordChangeContext();
  const { user } = ctx.actor;
  const maxAge = passwordMaxAgeDays(process.env);
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-brand-50 to-slate-100 px-4 py-10">
      <div className="w-full max-w-3xl rounded-lg bg-white p-8 shadow-md">
        <div className="mb-6 flex items-baseline justify-between gap-4 border-b border-slate-100 pb-4">
          <div>
            <h1 className="text-xl font-semibold text-brand-800">修改密码</h1>
            <p className="mt-1 text-sm text-slate-500">
              医疗救助服务平台 · 当前用户 <span data-testid="password-user" className="font-medium text-slate-700">{user.displayName}（{user.username}）</span>
            </p>
          </div>
          <form action={logoutFromPasswordPage}>
            <button type="submit" className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100">退出登录</button>
          </form>
        </div>
        {reason ? (
          <p data-testid="password-change-due" role="status" className="mb-5 rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            {reason === "initial"
              ? "您的密码由系统管理员设置（新建账号或重置密码）。请先设置只有您本人知道的新密码，修改后才能继续使用平台。"
              : `您的密码已使用满 ${maxAge} 天，按安全要求须修改后才能继续使用平台。`}
          </p>
        ) : null}
        <div className="grid items-start gap-8 md:grid-cols-[1fr_18rem]">
          <PasswordForm action={changePasswordAction} />
          <aside className="rounded bg-slate-50 p-4 text-sm text-slate-600">
            <h2 className="mb-2 font-medium text-slate-800">新密码要求</h2>
            <ul className="list-disc space-y-1 pl-5">
              <li>至少 {PASSWORD_MIN_LENGTH} 位，不超过 {PASSWORD_MAX_BYTES} 字节（一个汉字占 3 字节）</li>
              <li>大写字母、小写字母、数字、符号中至少三类</li>
              <li>不含用户名、本人姓名或身份证号码</li>
              <li>不是常见密码，也不是常用单词加年份、键盘连续键（如 qwerty）、连续或重复字符（如 123456、aaaa）</li>
              <li>不与最近 {PASSWORD_HISTORY_DEPTH} 次使用过的密码相同</li>
              <li>每 {maxAge} 天须更换一次</li>
            </ul>
            <p className="mt-3">修改后，本账号在其他设备上的登录将全部退出。</p>
          </aside>
        </div>
        {reason ? null : (
          <p className="mt-6 border-t border-slate-100 pt-4 text-sm">
            <Link href="/" className="text-brand-700 hover:underline">← 返回工作台</Link>
          </p>
        )}
      </div>
    </main>
  );
}
