import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <p className="text-5xl font-bold text-slate-300">404</p>
      <h1 className="mt-4 text-xl font-semibold">页面不存在</h1>
      <p className="mt-2 text-slate-600">您访问的地址不存在，可能链接有误或内容已移除。</p>
      <Link href="/" className="mt-6 inline-block rounded bg-brand-600 px-4 py-2 text-white hover:bg-brand-700">
        返回首页
      </Link>
    </main>
  );
}
