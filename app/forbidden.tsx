import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center" data-testid="forbidden">
      <p className="text-5xl font-bold text-slate-300">403</p>
      <h1 className="mt-4 text-xl font-semibold">无权访问</h1>
      <p className="mt-2 text-slate-600">
        该内容不在您的权限或管辖范围内。本次访问已记录。如确需办理，请联系本单位管理员。
      </p>
      <Link href="/" className="mt-6 inline-block rounded bg-brand-600 px-4 py-2 text-white hover:bg-brand-700">
        返回首页
      </Link>
    </main>
  );
}
