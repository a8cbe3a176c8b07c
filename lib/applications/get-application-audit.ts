import "server-only";
import { personYearClaims, receiptsOf } from "@/db/queries/application-audit";
import type { UseCaseContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/domain/can";
import { traceArithmetic, ruleText, TIER_NAMES } from "@/lib/claims/domain/trace-text";
import { AppError } from "@/lib/errors/app-error";
import { Money } from "@/lib/money/money";
import { loadCaseFor } from "./audit-case";
import { amountOfCase, type CaseAmount } from "./case-amount";
import { TOWNSHIP_STATES } from "./township-post";
import { coversCase, workflowRoleOf } from "./domain/workflow-roles";

// What the case page's audit panels show: the applicant's claims of the year
// from the ledger (ticked or not, or already counted in another case), the
// receipts entered by hand, and the engine's amount with its trace and the
// year's pool — or, when it cannot be computed yet, why. A read; the page
// itself audits the view (getApplication).

const SETTING = { inpatient: "住院", outpatient: "门诊" } as const;
const left = (scope: string, basic: string | null, critical: string | null) =>
  new Money(scope).minus(basic ?? 0).minus(critical ?? 0).toFixed(2);
const isZero = (amount: string) => new Money(amount).isZero();

export type AuditPanelData = Awaited<ReturnType<typeof getApplicationAudit>>;

export async function getApplicationAudit(ctx: UseCaseContext, applicationId: unknown) {
  const c = await loadCaseFor(ctx, applicationId, "applications.view");
  const [ledger, receipts] = await Promise.all([personYearClaims(ctx.db, c.id, c.personId, c.year), receiptsOf(ctx.db, c.id)]);
  let amount: CaseAmount | null = null;
  let problem: string | null = null;
  try {
    amount = await amountOfCase(ctx.db, c);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    problem = err.message;
  }
  const user = ctx.actor.user;
  return {
    year: c.year,
    ledger: ledger.map((r) => ({
      id: r.id,
      externalId: r.externalId,
      date: r.date,
      setting: SETTING[r.setting],
      hospitalName: r.hospitalName,
      policyScopeCost: r.policyScopeCost,
      basicPaid: r.basicPaid,
      criticalPaid: r.criticalPaid,
      left: left(r.policyScopeCost, r.basicPaid, r.criticalPaid),
      ticked: Boolean(r.ticked),
      takenBy: r.takenBy,
    })),
    receipts: receipts.map((r) => ({
      id: r.id,
      receiptNo: r.receiptNo,
      date: r.claimDate,
      setting: SETTING[r.setting],
      hospitalName: r.hospitalName,
      inCity: r.inCity,
      policyScopeCost: r.policyScopeCost,
      basicPaid: r.basicPaid,
      criticalPaid: r.criticalPaid,
      left: left(r.policyScopeCost, r.basicPaid, r.criticalPaid),
      /** 医疗机构减免 and 商业补充保险, shown only when the receipt has them. */
      hospitalWaived: isZero(r.hospitalWaived) ? null : r.hospitalWaived,
      commercialPaid: isZero(r.commercialPaid) ? null : r.commercialPaid,
    })),
    amount: amount && {
      computed: amount.computed,
      eligible: amount.eligible,
      ceiling: amount.ceiling,
      pool: amount.pool,
      rule: amount.rule,
      jointMeeting: amount.jointMeeting,
      terms: amount.terms,
      claims: amount.claims.map((x) => ({
        id: x.id,
        assistance: x.assistance,
        lines: x.trace.map((t) => ({ tier: TIER_NAMES[t.tier], rule: ruleText(t), arithmetic: traceArithmetic(t) })),
      })),
    },
    problem,
    /** The township clerk of the case's township while the township has it. */
    editClaims: workflowRoleOf(user) === "township_clerk" && coversCase(user, c.townshipCode) && TOWNSHIP_STATES.includes(c.state),
    canOverride: can(user, "applications.override"),
  };
}
