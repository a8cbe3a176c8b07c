import type { Metadata } from "next";
import Link from "next/link";
import { requireSecurityContext } from "@/lib/auth/current-actor";
import { groupSecret } from "@/lib/auth/domain/second-factor";
import { pendingSecondFactorSecret } from "@/lib/auth/enrol-second-factor";
import { secondFactorStatus } from "@/lib/auth/second-factor-status";
import { totpQrDataUrl, totpUri } from "@/lib/auth/totp";
import { confirmEnrolmentAction, disableAction, logoutFromSecurityPage, regenerateCodesAction, startEnrolmentAction } from "./actions";
import { ConfirmEnrolmentForm, DisableForm, RegenerateCodesForm, StartEnrolmentForm } from "./security-forms";

export const metadata: Metadata = { title: "账户安全" };
export const dynamic = "force-dynamic";

const beijing = (d: Date) =>
  new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short", hourCycle: "h23" }).format(d);

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded border border-slate-200 p-5">
      <h2 className="mb-3 font-medium text-slate-800">{title}</h2>
      {children}
    </section>
  );
}

// Outside the portal's layout, like the password page: an administrator who
// must set up a second factor reaches nothing else until it is done.
export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ recoveryLeft?: string }> }) {
  const { ctx, enrolmentDue } = await requireSecurityContext();
  const { recoveryLeft } = await searchParams;
  const { user } = ctx.actor;
  const status = await secondFactorStatus(ctx);
  const secret = status.allowed && status.pending ? await pendingSecondFactorSecret(ctx) : null;
  const qr = secret ? await totpQrDataUrl(totpUri(user.username, secret)) : null;
  const left = recoveryLeft !== undefined ? Number(recoveryLeft) : null;

  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-brand-50 to-slate-100 px-4 py-10">
      <div className="w-full max-w-3xl rounded-lg bg-white p-8 shadow-md">
        <div className="mb-6 flex items-baseline justify-between gap-4 border-b border-slate-100 pb-4">
          <div>
            <h1 className="text-xl font-semibold text-brand-800">账户安全 · 双因素鉴别</h1>
            <p className="mt-1 text-sm text-slate-500">
              医疗救助服务平台 · 当前用户 <span data-testid="security-user" className="font-medium text-slate-700">{user.displayName}（{user.username}）</span>
            </p>
          </div>
          <form action={logoutFromSecurityPage}>
            <button type="submit" className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100">退出登录</button>
          </form>
        </div>

        {enrolmentDue ? (
          <p data-testid="second-factor-due" role="status" className="mb-5 rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            系统管理员账号必须启用双因素鉴别（密码 + 手机动态验证码）。请先完成下面的设置，设置后才能继续使用平台。
          </p>
        ) : null}
        {left !== null && Number.isInteger(left) ? (
          <p data-testid="recovery-used" role="status" className="mb-5 rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            您刚用恢复码登录，该恢复码已作废，还剩 {left} 个。如手机已丢失，请停用后用新手机重新设置；恢复码不多时请重新生成。
          </p>
        ) : null}

        {!status.allowed ? (
          <p className="text-sm text-slate-600">双因素鉴别供系统管理员和负责人使用，您的账号无需设置。</p>
        ) : status.enabledAt ? (
          <div className="space-y-5">
            <p data-testid="second-factor-status" className="rounded border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-800">
              已启用（{beijing(status.enabledAt)} 起）。登录时须在密码之后输入验证器应用上的 6 位数字。剩余未使用的恢复码：{status.recoveryCodesLeft} 个。
            </p>
            <Section title="重新生成恢复码">
              <p className="mb-3 text-sm text-slate-600">生成 10 个新的恢复码，原来的恢复码全部作废。</p>
              <RegenerateCodesForm action={regenerateCodesAction} />
            </Section>
            <Section title="停用双因素鉴别">
              {user.role === "admin" ? <p className="mb-3 text-sm text-amber-800">系统管理员停用后须立即重新设置（如更换手机）。</p> : null}
              <DisableForm action={disableAction} />
            </Section>
          </div>
        ) : secret && qr ? (
          <div className="grid items-start gap-8 md:grid-cols-[15rem_1fr]">
            <div className="text-center">
              <img src={qr} alt="绑定验证器的二维码" width={240} height={240} data-testid="totp-qr" className="mx-auto rounded border border-slate-200" />
              <p className="mt-3 text-xs text-slate-500">无法扫码时，在应用中选择“手动输入密钥”，账户名填 {user.username}，密钥：</p>
              <p data-testid="totp-secret" className="mt-1 select-all break-all font-mono text-sm tracking-wide text-slate-800">{groupSecret(secret)}</p>
              <p className="mt-1 text-xs text-slate-500">（基于时间，30 秒，6 位数字）</p>
            </div>
            <div className="space-y-4 text-sm text-slate-700">
              <ol className="list-decimal space-y-2 pl-5">
                <li>在手机上安装验证器应用，如腾讯身份验证器（微信小程序）、Microsoft Authenticator、Google Authenticator。</li>
                <li>在应用中选择“扫描二维码”，扫描左侧的二维码，应用中会出现“医疗救助服务平台”。</li>
                <li>输入应用上当前显示的 6 位数字，点击“验证并启用”。</li>
              </ol>
              <ConfirmEnrolmentForm action={confirmEnrolmentAction} />
              <p className="text-xs text-slate-500">二维码和密钥只在本页显示，请勿截图发给他人。启用前离开本页，下次再来可继续设置。</p>
            </div>
          </div>
        ) : (
          <div className="space-y-3 text-sm text-slate-700">
            <p>
              启用后，登录时除密码外还须输入手机验证器应用上每 30 秒更新一次的 6 位数字。即使密码泄露，他人也无法登录。
              {user.role === "manager" ? "负责人可自愿启用。" : ""}
            </p>
            <p>需要一部安装了验证器应用的手机（如腾讯身份验证器、Microsoft Authenticator、Google Authenticator）。</p>
            <StartEnrolmentForm action={startEnrolmentAction} />
          </div>
        )}

        {enrolmentDue ? null : (
          <p className="mt-6 border-t border-slate-100 pt-4 text-sm">
            <Link href="/" className="text-brand-700 hover:underline">← 返回工作台</Link>
            <Link href="/account/password" className="ml-6 text-brand-700 hover:underline">修改密码</Link>
          </p>
        )}
      </div>
    </main>
  );
}
