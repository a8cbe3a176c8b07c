import Link from "next/link";
import type { PublicNotice, PublicTownship, PublicVillage } from "@/lib/notices/list-public-notices";
import { chineseDay, noticeTitle } from "@/lib/notices/domain/notice-title";
import { formatYuan } from "@/lib/money/money";

// The pieces of the public notice pages. Only what listPublicNotices returns
// is rendered: the frozen snapshot (masked name, village, category, amount,
// approval date) and the header — never an ID, account, phone of a person,
// diagnosis or birth date, and no person's data in any link.

export function windowText(n: Pick<PublicNotice, "windowStart" | "windowEnd">): string {
  return `${chineseDay(n.windowStart)}至${chineseDay(n.windowEnd)}`;
}

/** One village in the index of /gongshi: a link by division code only, with its notices' titles and windows. */
export function VillageLink({ township, village }: { township: PublicTownship; village: PublicVillage }) {
  return (
    <li>
      <Link
        href={`/gongshi/${village.code}`}
        className="block rounded-lg border border-slate-200 bg-white px-4 py-3 hover:border-brand-600 hover:bg-brand-50"
        data-testid="village-link"
      >
        <span className="flex items-baseline justify-between gap-3">
          <span className="text-lg font-semibold text-brand-700">{village.name}</span>
          <span className="shrink-0 text-sm text-slate-500">查看公示 ›</span>
        </span>
        {village.notices.map((n) => (
          <span key={n.id} className="mt-1 block text-sm text-slate-600">
            {noticeTitle({ townshipName: township.name, villageName: village.name, year: n.year, quarter: n.quarter, isCorrection: n.isCorrection })}
            <span className="block">公示期：{windowText(n)}，共 {n.rows.length} 人</span>
          </span>
        ))}
      </Link>
    </li>
  );
}

/** A whole notice as posted on the village board: title, window, how to object, issuer, and its rows. */
export function NoticeArticle({ notice: n, townshipName, villageName }: { notice: PublicNotice; townshipName: string; villageName: string }) {
  const title = noticeTitle({ townshipName, villageName, year: n.year, quarter: n.quarter, isCorrection: n.isCorrection });
  return (
    <article className="rounded-lg border border-slate-200 bg-white" data-testid="public-notice">
      <header className="border-b border-slate-200 px-4 py-4">
        <h2 className="text-xl leading-snug font-bold text-slate-900">{title}</h2>
        <p className="mt-2 inline-block rounded bg-amber-50 px-2 py-1 text-base font-medium text-amber-900" data-testid="notice-window">
          公示期：{windowText(n)}
        </p>
      </header>
      {n.isCorrection && n.correctionReason ? (
        <p className="border-b border-slate-200 bg-slate-50 px-4 py-3 text-base">本公示为更正公示，更正原因：{n.correctionReason}</p>
      ) : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 px-4 py-4 text-base">
        <dt className="text-slate-500">异议方式</dt>
        <dd>{n.objectionChannel}</dd>
        <dt className="text-slate-500">受理单位</dt>
        <dd>{n.objectionTo}</dd>
        <dt className="text-slate-500">联系电话</dt>
        <dd>{n.contactPhone ? <a className="text-brand-700 underline" href={`tel:${n.contactPhone.replace(/[^\d+-]/g, "")}`}>{n.contactPhone}</a> : null}</dd>
        <dt className="text-slate-500">发布单位</dt>
        <dd>{n.issuer}</dd>
        <dt className="text-slate-500">发布日期</dt>
        <dd>{chineseDay(n.publishedOn)}</dd>
      </dl>
      <NoticeRows notice={n} />
    </article>
  );
}

/** The rows: stacked cards on a phone (no sideways scrolling), a table from 640 px up. */
function NoticeRows({ notice: n }: { notice: PublicNotice }) {
  return (
    <section aria-label="公示名单" className="border-t border-slate-200 px-4 py-4">
      <h3 className="mb-3 text-base font-semibold text-slate-700">救助对象名单（共 {n.rows.length} 人）</h3>
      <ol className="space-y-2 sm:hidden" data-testid="notice-cards">
        {n.rows.map((r) => (
          <li key={r.seq} className="rounded border border-slate-200 px-3 py-2">
            <div className="flex items-baseline justify-between gap-3">
              <span className="text-lg font-semibold"><span className="mr-2 text-sm font-normal text-slate-500">{r.seq}.</span>{r.maskedName}</span>
              <span className="text-lg font-semibold tabular-nums">{formatYuan(r.amount)}</span>
            </div>
            <div className="mt-1 text-sm text-slate-600">{r.villageName} · {r.categoryName}</div>
            <div className="text-sm text-slate-600">审批日期：{chineseDay(r.approvedOn)}</div>
          </li>
        ))}
      </ol>
      <table className="hidden w-full border-collapse text-base sm:table" data-testid="notice-table">
        <thead>
          <tr className="border-b border-slate-300 text-left text-sm text-slate-600">
            <th className="py-2 pr-3 font-medium">序号</th>
            <th className="py-2 pr-3 font-medium">姓名</th>
            <th className="py-2 pr-3 font-medium">村（社区）</th>
            <th className="py-2 pr-3 font-medium">救助对象类别</th>
            <th className="py-2 pr-3 text-right font-medium">救助金额</th>
            <th className="py-2 font-medium">审批日期</th>
          </tr>
        </thead>
        <tbody>
          {n.rows.map((r) => (
            <tr key={r.seq} className="border-b border-slate-100 align-top">
              <td className="py-2 pr-3 tabular-nums text-slate-500">{r.seq}</td>
              <td className="py-2 pr-3 font-medium">{r.maskedName}</td>
              <td className="py-2 pr-3">{r.villageName}</td>
              <td className="py-2 pr-3">{r.categoryName}</td>
              <td className="py-2 pr-3 text-right whitespace-nowrap tabular-nums">{formatYuan(r.amount)}</td>
              <td className="py-2 whitespace-nowrap">{chineseDay(r.approvedOn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
