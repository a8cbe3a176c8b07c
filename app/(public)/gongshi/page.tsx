import type { Metadata } from "next";
import { publicContext } from "@/lib/http/public-context";
import { listPublicNotices } from "@/lib/notices/list-public-notices";
import { chineseDay } from "@/lib/notices/domain/notice-title";
import { VillageLink } from "./notice-parts";

export const metadata: Metadata = { title: "医疗救助对象公示" };

// The window follows today's date: rendered on every request, never cached.
export const dynamic = "force-dynamic";

// Design: this page is the index — county → township → village, each village
// a link to /gongshi/<village division code> with the notices themselves (the
// address a QR code on the village board can carry). A county posts hundreds of
// village notices at once at quarter end; one page with every row of every
// village would be a list of people across villages, which the policy rules
// out (docs/policy.md §7). No names, no search, only division codes in URLs.
export default async function PublicNoticesPage() {
  const { on, counties } = await listPublicNotices(await publicContext());
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">医疗救助对象公示</h1>
        <p className="mt-1 text-base text-slate-600">截至 {chineseDay(on)}，正在公示期内的医疗救助公示。请选择所在村（社区）查看。</p>
      </div>
      {counties.length === 0 ? (
        <div className="rounded-lg border border-slate-200 bg-white px-5 py-8 text-center" data-testid="public-empty">
          <p className="text-lg font-semibold text-slate-800">目前没有正在公示期内的医疗救助公示</p>
          <p className="mt-2 text-base text-slate-600">各乡镇（街道）每季度末发布本季度医疗救助对象公示，公示期为 5 个工作日。公示期满后，公示不再在本页显示。</p>
        </div>
      ) : (
        counties.map((county) => (
          <section key={county.code} aria-labelledby={`county-${county.code}`} className="space-y-4" data-testid="public-county">
            <h2 id={`county-${county.code}`} className="text-xl font-semibold text-slate-900">{county.name}</h2>
            {county.townships.map((township) => (
              <section key={township.code} aria-labelledby={`township-${township.code}`} data-testid="public-township">
                <h3 id={`township-${township.code}`} className="mb-2 border-l-4 border-brand-600 pl-2 text-lg font-semibold text-slate-800">{township.name}</h3>
                <ul className="space-y-2">
                  {township.villages.map((village) => (
                    <VillageLink key={village.code} township={township} village={village} />
                  ))}
                </ul>
              </section>
            ))}
          </section>
        ))
      )}
    </div>
  );
}
