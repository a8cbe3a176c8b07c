import Link from "next/link";

/** Previous / next links that keep the current filters. */
export function Pager({ page, hasMore, params, path }: { page: number; hasMore: boolean; params: Record<string, string | undefined>; path: string }) {
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    q.set("page", String(p));
    return `${path}?${q.toString()}`;
  };
  return (
    <div className="mt-4 flex items-center gap-3 text-sm">
      {page > 1 ? <Link className="text-brand-600 hover:underline" href={href(page - 1)}>上一页</Link> : null}
      <span className="text-slate-500">第 {page} 页</span>
      {hasMore ? <Link className="text-brand-600 hover:underline" href={href(page + 1)}>下一页</Link> : null}
    </div>
  );
}
