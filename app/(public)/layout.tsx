import type { Metadata, Viewport } from "next";
import Link from "next/link";

// The public pages (公示, no login): no portal menu and no account, only the
// notices in their posting window. Never indexed (here and the X-Robots-Tag
// header set in proxy.ts): a notice leaves the web when its window closes and
// must not live on in a search engine's cache (docs/policy.md §7).
export const metadata: Metadata = {
  title: { default: "医疗救助公示", template: "%s · 医疗救助公示" },
  robots: { index: false, follow: false, nocache: true, googleBot: { index: false, follow: false } },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every request reads the notices in their window today; nothing is cached across days.
export const dynamic = "force-dynamic";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50 text-slate-800">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-baseline justify-between gap-3 px-4 py-3">
          <Link href="/gongshi" className="text-lg font-semibold text-slate-900">医疗救助公示</Link>
          <span className="text-sm text-slate-500">接受社会监督</span>
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-4 py-5 text-base leading-relaxed">{children}</main>
      <footer className="mx-auto max-w-3xl px-4 pb-8 text-sm leading-relaxed text-slate-500">
        <p>依据医疗救助相关规定，乡镇（街道）每季度末在救助对象居住地村（社区）公示栏公示，公示期为 5 个工作日。本页只列出正在公示期内的公示；公示期满即不再显示。</p>
        <p className="mt-2">姓名已作部分隐藏，不公开身份证号、银行账号、联系电话和病情等个人信息。</p>
      </footer>
    </div>
  );
}
