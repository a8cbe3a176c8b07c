import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import { loadFormCase } from "./form-case";

/** 入户调查记录 of one case: the household, the visit (date, visitors), what was found; blank lines when not yet recorded. */
export async function getSurveyRecord(ctx: UseCaseContext, id: unknown) {
  const f = await loadFormCase(ctx, id, "survey_record");
  const r = f.row;
  return {
    office: f.office,
    townshipName: f.townshipName,
    caseNo: r.caseNo,
    acceptedOn: r.acceptedOn,
    applicant: { name: r.personName, idMasked: f.idMasked, place: f.place, categoryName: f.categoryName },
    diagnosis: r.diagnosisSummary ?? "—",
    survey: r.survey ? { on: r.survey.surveyedOn, visitors: r.survey.visitors, findings: r.survey.findings, household: r.survey.householdSituation, recorder: r.survey.recorderName } : null,
    printedOn: f.printedOn,
  };
}

export type SurveyRecord = Awaited<ReturnType<typeof getSurveyRecord>>;
