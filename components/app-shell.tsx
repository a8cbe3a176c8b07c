import Link from "next/link";
import type { NavItem } from "@/lib/navigation/navigation";
import { NavLinks } from "./nav-links";

type Props = {
  who: { displayName: string; department: string; role: string; jurisdiction: string };
  nav: NavItem[];
  logout: () => Promise<void>;
  children: React.ReactNode;
};

export function AppShell({ who, nav, logout, children }: Props) {
  return (
    <div className="flex min-h-screen">
      <aside className="no-print w-52 shrink-0 bg-brand-800 text-white">
        <Link href="/" className="block px-5 py-4 text-lg font-semibold">
          医疗救助服务平台
        </Link>
        <NavLinks items={nav} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="no-print flex items-center justify-end gap-4 border-b border-slate-200 bg-white px-6 py-3 text-sm">
          <span data-testid="who" className="text-slate-700">
            <span className="font-medium">{who.displayName}</span>
            <span className="mx-2 text-slate-300">|</span>
            {who.jurisdiction} · {who.department} · {who.role}
          </span>
          <Link href="/account/security" data-testid="account-security-link" className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
            账户安全
          </Link>
          <Link href="/account/password" data-testid="change-password-link" className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
            修改密码
          </Link>
          <form action={logout}>
            <button type="submit" className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
              退出登录
            </button>
          </form>
        </header>
        <main className="flex-1 p-6">{children}</main>
      </div>
    </div>
  );
}
