import Link from "next/link";

// Inside /gongshi a missing page points back to the public list, not to the portal's login.
export default function PublicNotFound() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-5 py-10 text-center" data-testid="public-not-found">
      <p className="text-4xl font-bold text-slate-300">404</p>
      <h1 className="mt-3 text-xl font-semibold text-slate-900">没有找到该公示</h1>
      <p className="mt-2 text-base text-slate-600">该村（社区）目前没有正在公示期内的医疗救助公示，或链接有误。公示期满的公示不再在网上显示。</p>
      <Link href="/gongshi" className="mt-5 inline-block rounded bg-brand-600 px-4 py-2 text-white hover:bg-brand-700">查看全部公示</Link>
    </div>
  );
}
