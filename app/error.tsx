"use client";

import Link from "next/link";

// An unexpected failure (a bug, the database down): never a stack trace, and
// the reference lets the administrator find the server log line.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <h1 className="text-xl font-semibold">系统暂时无法处理您的请求</h1>
      <p className="mt-2 text-slate-600">请稍后重试；如多次出现，请把下面的编号告诉系统管理员。</p>
      {error.digest ? <p className="mt-2 font-mono text-sm text-slate-500">编号：{error.digest}</p> : null}
      <div className="mt-6 flex justify-center gap-3">
        <button onClick={reset} className="rounded bg-brand-600 px-4 py-2 text-white hover:bg-brand-700">
          重试
        </button>
        <Link href="/" className="rounded border border-slate-300 px-4 py-2 hover:bg-slate-100">
          返回首页
        </Link>
      </div>
    </main>
  );
}
