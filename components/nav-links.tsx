"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavItem } from "@/lib/navigation/navigation";

export function NavLinks({ items }: { items: NavItem[] }) {
  const path = usePathname();
  const groups = [...new Set(items.map((i) => i.group))];
  // The longest matching entry is the current one (/rosters/upload is 名单报送, not also 报送情况).
  const current = items
    .filter((i) => (i.href === "/" ? path === "/" : path === i.href || path.startsWith(`${i.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label="主导航" className="space-y-4 px-2 pb-6">
      {groups.map((g) => (
        <div key={g}>
          <p className="px-3 pb-1 text-xs text-brand-100/70">{g}</p>
          {items
            .filter((i) => i.group === g)
            .map((i) => {
              const active = i.href === current;
              return (
                <Link
                  key={i.href}
                  href={i.href}
                  aria-current={active ? "page" : undefined}
                  className={`block rounded px-3 py-2 text-sm ${active ? "bg-white/15 font-medium" : "hover:bg-white/10"}`}
                >
                  {i.label}
                </Link>
              );
            })}
        </div>
      ))}
    </nav>
  );
}
