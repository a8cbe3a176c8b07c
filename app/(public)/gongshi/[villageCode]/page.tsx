import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { isDivisionCode } from "@/lib/divisions/domain/division-code";
import { publicContext } from "@/lib/http/public-context";
import { listPublicNotices } from "@/lib/notices/list-public-notices";
import { NoticeArticle } from "../notice-parts";

export const metadata: Metadata = { title: "村（社区）医疗救助公示" };

export const dynamic = "force-dynamic";

// One village's notices in their window, addressed by its division code only.
// A malformed code, or a village with nothing in its window
// (never posted, or the window has ended), is a 404 — never a 500.
export default async function VillageNoticesPage({ params }: { params: Promise<{ villageCode: string }> }) {
  const { villageCode } = await params;
  if (!isDivisionCode(villageCode)) notFound();
  const { counties } = await listPublicNotices(await publicContext());
  for (const county of counties) {
    for (const township of county.townships) {
      const village = township.villages.find((v) => v.code === villageCode);
      if (!village) continue;
      return (
        <div className="space-y-4">
          <nav aria-label="位置" className="text-sm text-slate-600">
            <Link href="/gongshi" className="text-brand-700 underline">全部公示</Link>
            <span className="mx-1">›</span>
            {county.name}
            <span className="mx-1">›</span>
            {township.name}
            <span className="mx-1">›</span>
            <span className="text-slate-900">{village.name}</span>
          </nav>
          {village.notices.map((n) => (
            <NoticeArticle key={n.id} notice={n} townshipName={township.name} villageName={village.name} />
          ))}
        </div>
      );
    }
  }
  notFound();
}
