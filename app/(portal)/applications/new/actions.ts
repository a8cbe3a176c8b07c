"use server";

import { redirect } from "next/navigation";
import { acceptApplication } from "@/lib/applications/accept-application";
import { setApplicationClaims } from "@/lib/applications/set-application-claims";
import type { UseCaseContext } from "@/lib/auth/context";
import { DOCUMENT_ITEMS } from "@/lib/applications/domain/documents";
import { requireContext } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors/app-error";
import type { ActionResult } from "@/lib/http/action-result";
import { findPersonByIdNumberWithin } from "@/lib/people/find-person-by-id-number";
import { sealNameSearch } from "@/lib/people/name-search-token";

// The intake page's three forms. The ID number and the name go by POST only:
// a chosen person travels as the record's id, a name search as a sealed token
// (lib/people/name-search-token.ts), never as clear text in a URL.

export type ApplicantSearchState = { error: string; value: string } | null;

export async function findApplicantByIdAction(_prev: ApplicantSearchState, form: FormData): Promise<ApplicantSearchState> {
  const value = String(form.get("idNumber") ?? "");
  let personId: string;
  try {
    personId = await findPersonByIdNumberWithin(await requireContext(), value);
  } catch (err) {
    if (err instanceof AppError) return { error: err.message, value };
    throw err;
  }
  redirect(`/applications/new?person=${personId}`);
}

export async function searchApplicantByNameAction(form: FormData): Promise<void> {
  // Signed-in users only, like every action (the sealing key is offered to no one else).
  await requireContext();
  const name = String(form.get("name") ?? "").trim();
  redirect(name ? `/applications/new?q=${encodeURIComponent(sealNameSearch(name))}` : "/applications/new");
}

const INTAKE_FIELDS = [
  "acceptedOn", "urgentReason", "filerKind", "filerName", "filerRelation", "phone", "diagnosisSummary", "bankHolder", "bankName", "bankAccount",
  ...DOCUMENT_ITEMS.flatMap((i) => [`doc.${i}.status`, `doc.${i}.dueOn`, `doc.${i}.waiveReason`]),
];

export async function acceptApplicationAction(personId: string, fromFlag: { id: number; claimIds: string[] } | null, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  const get = (name: string) => String(form.get(name) ?? "");
  let id: string;
  try {
    const ctx = await requireContext();
    const created = await acceptApplication(ctx, {
      personId,
      flagId: fromFlag?.id,
      acceptedOn: get("acceptedOn"),
      urgent: form.get("urgent") === "on",
      urgentReason: get("urgentReason"),
      filerKind: get("filerKind"),
      filerName: get("filerName"),
      filerRelation: get("filerRelation"),
      phone: get("phone"),
      diagnosisSummary: get("diagnosisSummary"),
      bankHolder: get("bankHolder"),
      bankName: get("bankName"),
      bankAccount: get("bankAccount"),
      documents: DOCUMENT_ITEMS.map((item) => ({ item, status: get(`doc.${item}.status`), dueOn: get(`doc.${item}.dueOn`), waiveReason: get(`doc.${item}.waiveReason`) })),
    });
    id = created.id;
    // 主动发现: the flag's claims are ticked into the new case (the clerk may change them on the case page).
    if (fromFlag && fromFlag.claimIds.length > 0) await tickFlagClaims(ctx, id, fromFlag.claimIds);
  } catch (err) {
    if (err instanceof AppError) {
      // Handed back so the clerk need not retype the form (React resets it after an action); in the response only, never in a URL or log.
      const values = Object.fromEntries(INTAKE_FIELDS.map((n) => [n, get(n)]));
      values.urgent = form.get("urgent") === "on" ? "on" : "";
      return { ok: false, message: err.message, field: err.field, values };
    }
    throw err;
  }
  redirect(`/applications/${id}`);
}

// A claim already counted in another live case is refused by setApplicationClaims; the case
// stays accepted (the flag closed with it) and the clerk ticks the claims on the case page.
async function tickFlagClaims(ctx: UseCaseContext, applicationId: string, claimIds: string[]): Promise<void> {
  try {
    await setApplicationClaims(ctx, applicationId, { version: 1, claimIds });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
  }
}
