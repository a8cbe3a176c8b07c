import { asc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { applicationDocuments, applications, applicationTransitions, householdSurveys, people, users } from "../schema";
import { currentDivisionName, townshipNameOf } from "./division-names";
import { openIdNumber } from "./people-ids";

// The case page's read of one application: the case row with its person and
// place names, the checklist, the survey and the transitions with the names
// of who made them. The caller checks the jurisdiction on `townshipCode`
// before it shows anything. Sealed columns never leave here: only whether
// they are on file and their clear last four digits.

export async function findApplicationView(db: Db | Tx, id: string) {
  const [row] = await db
    .select({
      id: applications.id,
      caseNo: applications.caseNo,
      version: applications.version,
      year: applications.year,
      state: applications.state,
      urgent: applications.urgent,
      urgentReason: applications.urgentReason,
      acceptedOn: applications.acceptedOn,
      forwardedOn: applications.forwardedOn,
      approvedOn: applications.approvedOn,
      townshipCode: applications.townshipCode,
      townshipName: currentDivisionName(applications.townshipCode),
      personId: people.id,
      personName: people.name,
      personIdSealed: people.idSealed,
      personIdNumber: people.idNumber,
      personDivision: people.divisionCode,
      villageName: currentDivisionName(people.divisionCode),
      personTownshipName: townshipNameOf(people.divisionCode),
      filerKind: applications.filerKind,
      filerName: applications.filerName,
      filerRelation: applications.filerRelation,
      phoneTail: applications.phoneTail,
      bankName: applications.bankName,
      bankAccountTail: applications.bankAccountTail,
      bankAccountHead: applications.bankAccountHead,
      bankHolderOnFile: sql<boolean>`(${applications.bankHolderSealed} IS NOT NULL)`,
      diagnosisSummary: applications.diagnosisSummary,
      jointMeeting: applications.jointMeeting,
      clockStep: applications.clockStep,
      clockStartedOn: applications.clockStartedOn,
      clockUsedBefore: applications.clockUsedBefore,
      clockPausedOn: applications.clockPausedOn,
      computedAmount: applications.computedAmount,
      approvedAmount: applications.approvedAmount,
      overrideReason: applications.overrideReason,
      jointMeetingOn: applications.jointMeetingOn,
      jointMeetingDepartments: applications.jointMeetingDepartments,
      paidAmount: applications.paidAmount,
      paidOn: applications.paidOn,
      refusalReason: applications.refusalReason,
      refusedOn: applications.refusedOn,
      notifiedOn: applications.notifiedOn,
      notifiedChannel: applications.notifiedChannel,
    })
    .from(applications)
    .innerJoin(people, eq(people.id, applications.personId))
    .where(eq(applications.id, id));
  if (!row) return null;
  const { personIdSealed, personIdNumber, ...rest } = row;
  const [documents, survey, transitions] = await Promise.all([
    db
      .select({ item: applicationDocuments.item, status: applicationDocuments.status, dueOn: applicationDocuments.dueOn, waiveReason: applicationDocuments.waiveReason })
      .from(applicationDocuments)
      .where(eq(applicationDocuments.applicationId, id)),
    db
      .select({
        surveyedOn: householdSurveys.surveyedOn,
        visitors: householdSurveys.visitors,
        findings: householdSurveys.findings,
        householdSituation: householdSurveys.householdSituation,
        recordedByName: users.displayName,
      })
      .from(householdSurveys)
      .leftJoin(users, eq(users.id, householdSurveys.recordedBy))
      .where(eq(householdSurveys.applicationId, id)),
    db
      .select({
        id: applicationTransitions.id,
        action: applicationTransitions.action,
        fromState: applicationTransitions.fromState,
        toState: applicationTransitions.toState,
        onDate: applicationTransitions.onDate,
        at: applicationTransitions.at,
        reason: applicationTransitions.reason,
        actorId: applicationTransitions.actorId,
        actorName: users.displayName,
      })
      .from(applicationTransitions)
      .leftJoin(users, eq(users.id, applicationTransitions.actorId))
      .where(eq(applicationTransitions.applicationId, id))
      .orderBy(asc(applicationTransitions.id)),
  ]);
  return {
    ...rest,
    personIdNumber: openIdNumber({ idSealed: personIdSealed, idNumber: personIdNumber }),
    documents,
    survey: survey[0] ?? null,
    transitions,
  };
}

export type ApplicationViewRow = NonNullable<Awaited<ReturnType<typeof findApplicationView>>>;
