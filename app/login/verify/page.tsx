import type { Metadata } from "next";
import { requireAwaitingSecondFactor } from "@/lib/auth/current-actor";
import { backToLoginAction } from "./actions";
import { VerifyForm } from "./verify-form";

export const metadata: Metadata = { title: "双因素鉴别" };
export const dynamic = "force-dynamic";

// The second step of a sign-in: the password was right, and the session
// serves nothing else until a code is accepted (lib/auth/verify-second-factor.ts).
export default async function VerifyPage() {
  await requireAwaitingSecondFactor();
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-brand-50 to-slate-100 px-4">
      <div className="w-full max-w-sm rounded-lg bg-white p-8 shadow-md">
        <h1 className="text-center text-xl font-semibold text-brand-800">医疗救助服务平台</h1>
        <p className="mb-5 mt-1 text-center text-sm text-slate-500">登录第二步：双因素鉴别</p>
        <p className="mb-4 text-sm text-slate-600">
          密码已验证。请打开手机上的验证器应用（如腾讯身份验证器、Microsoft Authenticator、Google Authenticator），输入“医疗救助服务平台”当前显示的 6 位数字。
        </p>
        <VerifyForm />
        <details className="mt-4 text-sm text-slate-600">
          <summary className="cursor-pointer text-brand-700">手机不在身边？</summary>
          <p className="mt-2">
            在上面的输入框中输入启用时保存的一个恢复码（如 abcde-fghjk），每个恢复码只能使用一次。恢复码也已用完时，请联系系统管理员重置双因素鉴别。
          </p>
        </details>
        <form action={backToLoginAction} className="mt-6 border-t border-slate-100 pt-4 text-center">
          <button type="submit" className="text-sm text-slate-500 hover:text-slate-800 hover:underline">
            返回登录页（换一个账号）
          </button>
        </form>
      </div>
    </main>
  );
}
