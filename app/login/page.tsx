import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/current-actor";
import { authPolicy } from "@/lib/auth/domain/session-policy";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "登录" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; expired?: string }> }) {
  if (await getActor()) redirect("/");
  const { callbackUrl, expired } = await searchParams;
  // next-auth passes an absolute URL; keep only its path.
  let path: string;
  try {
    path = callbackUrl ? new URL(callbackUrl, "http://x").pathname : "/";
  } catch {
    path = "/";
  }
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-brand-50 to-slate-100 px-4">
      <div className="w-full max-w-sm rounded-lg bg-white p-8 shadow-md">
        <h1 className="text-center text-xl font-semibold text-brand-800">医疗救助服务平台</h1>
        <p className="mb-6 mt-1 text-center text-sm text-slate-500">县市医疗保障局 · 民政 · 乡村振兴 · 退役军人事务 · 残联 · 乡镇</p>
        {expired ? (
          <p data-testid="session-expired" role="status" className="mb-4 rounded bg-amber-50 px-3 py-2 text-sm text-amber-800">
            登录已超时（{Math.round(authPolicy().idleMs / 60_000)} 分钟未操作，或已连续登录 {Math.round(authPolicy().absoluteMs / 3_600_000)} 小时），请重新登录。登录后将回到原来的页面。
          </p>
        ) : null}
        <LoginForm callbackUrl={path} />
      </div>
    </main>
  );
}
