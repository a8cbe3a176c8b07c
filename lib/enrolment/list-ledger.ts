import "server-only";
import { listCurrentDivisions } from "@/db/queries/divisions";
import { enrolmentCounts, enrolmentYears, ledgerByCategory, ledgerRows, ledgerTotals } from "@/db/queries/enrolment-ledger";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { scopePrefix } from "@/lib/divisions/domain/division-code";
import { maskIdNumber } from "@/lib/id-number/id-number";
import { townshipFilter } from "./case-scope";
import { categoryName } from "./domain/funding-text";
import { parseYear } from "./domain/year-input";

export type ListLedgerInput = { year: unknown; township?: string; page: number };
export const LEDGER_PAGE_SIZE = 50;

/** The 参保台账 of a year: subsidised low-income people with totals by funding source and category, within the actor's jurisdiction. */
export async function listLedger(ctx: UseCaseContext, input: ListLedgerInput) {
  await requirePermission(ctx, "enrolment.manage");
  const year = parseYear(input.year);
  const filter = { year, ...(await townshipFilter(ctx, input.township, "enrolment.manage")) };
  const page = Math.max(1, input.page);
  const list = await ledgerRows(ctx.db, { ...filter, limit: LEDGER_PAGE_SIZE, offset: (page - 1) * LEDGER_PAGE_SIZE });
  const scope = scopePrefix(ctx.actor.user.jurisdiction);
  return {
    year,
    page,
    hasMore: list.hasMore,
    rows: list.rows.map(({ idNumber, ...r }) => ({ ...r, idNumberMasked: maskIdNumber(idNumber), categoryName: categoryName(r.category) })),
    totals: await ledgerTotals(ctx.db, filter),
    byCategory: (await ledgerByCategory(ctx.db, filter)).map((c) => ({ ...c, name: categoryName(c.category) })),
    counts: await enrolmentCounts(ctx.db, filter),
    years: await enrolmentYears(ctx.db, scope),
    townships: (await listCurrentDivisions(ctx.db, { scopePrefix: scope, level: "township" })).map((t) => ({ code: t.code, name: t.name })),
  };
}
