"use server";

import { redirect } from "next/navigation";
import { requireContext } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors/app-error";
import { findPersonByIdNumberWithin } from "@/lib/people/find-person-by-id-number";
import { sealNameSearch } from "@/lib/people/name-search-token";

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

/**
 * 查询 on the people list: a POST that turns the filters into the list's URL.
 * Division and category codes go in as they are; the name only as a sealed
 * token (lib/people/name-search-token.ts), so no name reaches a URL.
 * Signed-in users only, like every action: the sealing key is not offered to
 * anyone who can reach the action (found by the authorization suite).
 */
export async function filterPeopleAction(form: FormData): Promise<void> {
  await requireContext();
  const params = new URLSearchParams();
  for (const key of ["township", "village", "category"] as const) {
    const v = String(form.get(key) ?? "").trim();
    if (v) params.set(key, v.slice(0, 40));
  }
  const name = String(form.get("name") ?? "").trim();
  if (name) params.set("q", sealNameSearch(name));
  const query = params.toString();
  redirect(query ? `/people?${query}` : "/people");
}
