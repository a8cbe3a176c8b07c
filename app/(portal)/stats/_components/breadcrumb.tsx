import Link from "next/link";

export type Crumb = { code: string; name: string; href: string };

/** 隆回县 › 桃洪镇 › 某村: back up the drill-down, within the user's jurisdiction only. */
export function Breadcrumb({ crumbs }: { crumbs: Crumb[] }) {
  return (
    <nav aria-label="区划层级" className="mb-3 text-sm" data-testid="stats-breadcrumb">
      <ol className="flex flex-wrap items-center gap-1 text-slate-500">
        {crumbs.map((c, i) => (
          <li key={c.code} className="flex items-center gap-1">
            {i > 0 ? <span aria-hidden="true">›</span> : null}
            {i === crumbs.length - 1 ? (
              <span className="font-medium text-slate-900" aria-current="page">{c.name}</span>
            ) : (
              <Link href={c.href} className="text-brand-700 hover:underline">{c.name}</Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
