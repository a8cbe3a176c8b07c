"use server";

import { redirect } from "next/navigation";
import { requireContext } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors/app-error";
import { findPersonByIdNumberWithin } from "@/lib/people/find-person-by-id-number";

export type IdSearchState = { error: string; value: string } | null;

/** 按身份证号查找: a POST, so the ID never appears in a URL or a server log's request line. */
export async function findByIdNumberAction(_prev: IdSearchState, form: FormData): Promise<IdSearchState> {
  const value = String(form.get("idNumber") ?? "");
  let personId: string;
  try {
    personId = await findPersonByIdNumberWithin(await requireContext(), value);
  } catch (err) {
    if (err instanceof AppError) return { error: err.message, value };
    throw err;
  }
  redirect(`/people/${personId}`);
}
