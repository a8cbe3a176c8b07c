import { AppShell } from "@/components/app-shell";
import { describeActor } from "@/lib/auth/describe-actor";
import { requireContext } from "@/lib/auth/current-actor";
import { logoutAction } from "./actions";

export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const shell = await describeActor(await requireContext());
  return (
    <AppShell who={shell} nav={shell.nav} logout={logoutAction}>
      {children}
    </AppShell>
  );
}
