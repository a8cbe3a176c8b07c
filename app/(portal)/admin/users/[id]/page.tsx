import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { assignableDivisions } from "@/lib/users/assignable-divisions";
import { getManagedUser } from "@/lib/users/list-users";
import { resetPasswordAction, resetSecondFactorAction, setStatusAction, unlockAction, updateUserAction } from "../actions";
import { managedUserHasSecondFactor } from "@/lib/auth/reset-second-factor";
import { departmentOptions, divisionOptions, roleOptions } from "../options";
import { UserForm } from "../user-form";
import { beijingClock } from "@/lib/auth/domain/session-policy";
import { accountLockedUntil } from "@/lib/users/unlock-user";
import { AccountActions } from "./account-actions";

export const metadata: Metadata = { title: "编辑用户" };

export default async function EditUserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const [{ id }, { created }] = await Promise.all([params, searchParams]);
  const ctx = await requireContext();
  const result = await loadForPage(async () => ({
    user: await getManagedUser(ctx, id),
    divisions: await assignableDivisions(ctx),
    lockedUntil: await accountLockedUntil(ctx, id),
    secondFactor: await managedUserHasSecondFactor(ctx, id),
  }));
  if (!result.ok) return <p>{result.error.message}</p>;
  const { user, divisions, lockedUntil, secondFactor } = result.data;
  return (
    <>
      <PageHeader title={`用户：${user.username}`} description={user.displayName} />
      {created ? <Notice tone="success">用户已创建。</Notice> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <UserForm
          action={updateUserAction.bind(null, user.id)}
          departments={departmentOptions}
          roles={roleOptions}
          divisions={divisionOptions(divisions)}
          values={user}
          isNew={false}
        />
        <AccountActions
          status={user.status}
          toggle={setStatusAction.bind(null, user.id, user.status === "active" ? "disabled" : "active")}
          reset={resetPasswordAction.bind(null, user.id)}
          lockedUntil={lockedUntil ? beijingClock(lockedUntil, new Date()) : null}
          unlock={unlockAction.bind(null, user.id)}
          secondFactor={secondFactor && user.id !== ctx.actor.user.id}
          resetSecondFactor={resetSecondFactorAction.bind(null, user.id)}
        />
      </div>
    </>
  );
}
