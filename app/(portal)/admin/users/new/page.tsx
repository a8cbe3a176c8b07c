import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { assignableDivisions } from "@/lib/users/assignable-divisions";
import { createUserAction } from "../actions";
import { departmentOptions, divisionOptions, roleOptions } from "../options";
import { UserForm } from "../user-form";

export const metadata: Metadata = { title: "新建用户" };

export default async function NewUserPage() {
  const ctx = await requireContext();
  const divs = await loadForPage(() => assignableDivisions(ctx));
  if (!divs.ok) return <p>{divs.error.message}</p>;
  return (
    <>
      <PageHeader title="新建用户" />
      <UserForm action={createUserAction} departments={departmentOptions} roles={roleOptions} divisions={divisionOptions(divs.data)} isNew />
    </>
  );
}
