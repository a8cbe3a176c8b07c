import "server-only";
import { insertApplication, insertTransition, findPersonForIntake, nextCaseNo } from "@/db/queries/applications";
import { insertAudit } from "@/db/queries/audit";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { accountId } from "@/lib/auth/domain/actor";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { MissingScheduleError } from "@/lib/calendar/domain/calendar-errors";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-working-day-calendar";
import { idCrypto } from "@/lib/crypto/data-keys";
import { townshipOf } from "@/lib/divisions/domain/division-code";
import { NotFoundError, ValidationError } from "@/lib/errors/app-error";
import { closeFlagForApplication } from "@/lib/monitoring/flag-intake";
import { flagIdOf } from "@/lib/monitoring/get-flag";
import { parseIntake, type IntakeInput } from "./domain/intake-input";
import { dueDate, startClock } from "./domain/step-clock";

/**
 * 受理: the township clerk records a written application for a person of the
 * township. Documents may be missing (容缺受理, each with its due date); the
 * township's 10 working days start from the acceptance date. Phone, account
 * holder and account number are sealed before they reach the database.
 */
export async function acceptApplication(ctx: UseCaseContext, input: IntakeInput & { flagId?: unknown }): Promise<{ id: string; caseNo: string; dueOn: string }> {
  await requirePermission(ctx, "applications.intake", { objectType: "application" });
  const intake = parseIntake(input, todayOf(ctx));
  // 主动发现: opened from a monitoring flag, which closes with this case (lib/monitoring/flag-intake.ts).
  const flagId = input.flagId === undefined || input.flagId === "" ? null : flagIdOf(input.flagId);
  const person = await findPersonForIntake(ctx.db, intake.personId);
  if (!person) throw new NotFoundError("找不到该申请人，请重新查找。");
  const township = townshipOf(person.divisionCode);
  if (!township) throw new ValidationError("personId", "该申请人的户籍地未落到乡镇（街道），请先更正其登记信息");
  // Applications are filed where the household is registered: only that township's clerk may accept.
  await requireWithin(ctx, township, "applications.intake", { objectType: "person", objectId: person.id });

  const calendar = await loadWorkingDayCalendar(ctx.db);
  const clock = startClock("township", intake.acceptedOn);
  let dueOn: string;
  try {
    dueOn = dueDate(clock, calendar)!;
  } catch (err) {
    if (err instanceof MissingScheduleError) throw new ValidationError("acceptedOn", `${err.message}，才能计算办理时限`);
    throw err;
  }
  const keys = idCrypto();
  const year = Number(intake.acceptedOn.slice(0, 4));
  const by = accountId(ctx.actor);

  return inTransaction(ctx.db, async (tx) => {
    const caseNo = await nextCaseNo(tx, township, year);
    const created = await insertApplication(
      tx,
      {
        caseNo,
        personId: person.id,
        townshipCode: township,
        year,
        acceptedOn: intake.acceptedOn,
        state: "accepted",
        urgent: intake.urgent,
        urgentReason: intake.urgentReason,
        filerKind: intake.filerKind,
        filerName: intake.filerName,
        filerRelation: intake.filerRelation,
        phoneSealed: keys.seal(intake.phone),
        phoneTail: intake.phone.slice(-4),
        bankHolderSealed: intake.bank ? keys.seal(intake.bank.holder) : null,
        bankName: intake.bank?.name ?? null,
        bankAccountSealed: intake.bank ? keys.seal(intake.bank.account) : null,
        bankAccountTail: intake.bank ? intake.bank.account.slice(-4) : null,
        bankAccountHead: intake.bank ? intake.bank.account.slice(0, 4) : null,
        diagnosisSummary: intake.diagnosisSummary,
        clockStep: clock.step,
        clockStartedOn: clock.startedOn,
        clockUsedBefore: 0,
        dueOn,
        acceptedBy: by,
      },
      intake.documents,
    );
    await insertTransition(tx, { applicationId: created.id, action: "accept", fromState: null, toState: "accepted", actorId: by, onDate: intake.acceptedOn, reason: intake.urgentReason });
    if (flagId !== null) await closeFlagForApplication(tx, ctx, flagId, { personId: person.id, applicationId: created.id, caseNo });
    const missing = intake.documents.filter((d) => d.status === "missing").map((d) => d.item);
    await insertAudit(
      tx,
      auditRow(ctx.actor, {
        action: "applications.accept",
        objectType: "application",
        objectId: created.id,
        // Never the phone or the account: only what the case is.
        detail: { caseNo, township, acceptedOn: intake.acceptedOn, urgent: intake.urgent, missing, dueOn },
      }),
    );
    return { ...created, dueOn };
  });
}
