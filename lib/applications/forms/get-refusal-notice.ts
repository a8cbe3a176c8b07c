import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors/app-error";
import { objectionRoutes, REFUSAL_BASIS, townshipOffice } from "../domain/print-forms";
import { loadFormCase } from "./form-case";

/**
 * 不予救助告知书 of a refused case: the reason, its legal basis (003 §三(八)),
 * how and by when the applicant may object, the issuing office — the
 * township's government when the township refused during its review, the
 * county 医保局 when the county refused during its audit. Only a refused case has one.
 */
export async function getRefusalNotice(ctx: UseCaseContext, id: unknown) {
  const f = await loadFormCase(ctx, id, "refusal_notice");
  const r = f.row;
  if (r.state !== "refused" || !r.refusalReason) throw new AppError("conflict", "该申请未作出不予救助决定，没有不予救助告知书。");
  const refusal = [...r.transitions].reverse().find((t) => t.action === "refuse");
  const byTownship = refusal?.fromState === "accepted" || refusal?.fromState === "township_review";
  const issuer = byTownship ? townshipOffice(f.townshipName) : f.office;
  return {
    issuer,
    caseNo: r.caseNo,
    applicant: { name: r.personName, idMasked: f.idMasked, place: f.place },
    acceptedOn: r.acceptedOn,
    refusedOn: r.refusedOn,
    reason: r.refusalReason,
    basis: REFUSAL_BASIS,
    policyName: r.policyName,
    objections: objectionRoutes(f.countyName, issuer),
    printedOn: f.printedOn,
  };
}

export type RefusalNotice = Awaited<ReturnType<typeof getRefusalNotice>>;
