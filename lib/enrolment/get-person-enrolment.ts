import "server-only";
import { enrolmentsOfPerson } from "@/db/queries/enrolment";
import { caseEvents, casesOfPerson } from "@/db/queries/enrolment-worklist";
import { findPersonById } from "@/db/queries/people";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { NotFoundError } from "@/lib/errors/app-error";
import { CASE_REASON_NAMES } from "./domain/case-reasons";
import { categoryName, fundingText, tierName } from "./domain/funding-text";

export type CaseEvent = { at: string; text: string; by: string };

export type PersonEnrolmentYear = {
  year: number;
  enrolment: { tier: string; contribution: string; paidOn: string; feeExempt: boolean } | null;
  subsidy: { category: string; amount: string; personal: string; funding: string; policy: string | null } | null;
  /** The 未参保 case of the year: open, or closed with its reason; every 销号 and reopening, oldest first. */
  unenrolled: { status: "open" | "closed"; reason: string | null; note: string | null; history: CaseEvent[] } | null;
};

/** Enrolment status, subsidy and 未参保 case of one person by year, for the person page. */
export async function getPersonEnrolment(ctx: UseCaseContext, personId: string): Promise<PersonEnrolmentYear[]> {
  await requirePermission(ctx, "people.view", { objectType: "person", objectId: personId });
  const person = await findPersonById(ctx.db, personId);
  if (!person) throw new NotFoundError("找不到该人员，可能链接有误。");
  await requireWithin(ctx, person.divisionCode, "people.view", { objectType: "person", objectId: person.id });

  const years = new Map<number, PersonEnrolmentYear>();
  const at = (year: number) => {
    const y = years.get(year) ?? { year, enrolment: null, subsidy: null, unenrolled: null };
    years.set(year, y);
    return y;
  };
  for (const e of await enrolmentsOfPerson(ctx.db, person.id)) {
    const y = at(e.year);
    y.enrolment = { tier: tierName(e.tier), contribution: e.contribution, paidOn: e.paidOn, feeExempt: e.feeExempt === "yes" };
    if (e.subsidy !== null && e.category !== null) {
      y.subsidy = { category: categoryName(e.category), amount: e.subsidy, personal: e.personal ?? "0", funding: fundingText(e.funding ?? []), policy: e.policyName };
    }
  }
  const cases = await casesOfPerson(ctx.db, person.id);
  const events = await caseEvents(ctx.db, cases.map((c) => c.id));
  for (const c of cases) {
    const history = events
      .filter((e) => e.caseId === c.id)
      .map((e) => ({
        at: e.at,
        text: e.kind === "closed" ? `销号：${e.reason ? CASE_REASON_NAMES[e.reason] : ""}${e.note ? `（${e.note}）` : ""}` : `重新打开：${e.note ?? ""}`,
        by: e.actorName ?? "系统",
      }));
    at(c.year).unenrolled = { status: c.status, reason: c.reason ? CASE_REASON_NAMES[c.reason] : null, note: c.note, history };
  }
  return [...years.values()].sort((a, b) => b.year - a.year);
}
