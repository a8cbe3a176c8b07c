import "server-only";
import { findCurrentDivision, listCurrentDivisions } from "@/db/queries/divisions";
import { countCases, listCases } from "@/db/queries/enrolment-worklist";
import { can } from "@/lib/auth/domain/can";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { scopePrefix } from "@/lib/divisions/domain/division-code";
import { ValidationError } from "@/lib/errors/app-error";
import { maskIdNumber } from "@/lib/id-number/id-number";
import { CASE_REASONS, type CaseReason } from "./domain/case-reasons";
import { villageFilter } from "./case-scope";
import { parseYear } from "./domain/year-input";

export type ListUnenrolledInput = { year: unknown; township?: string; village?: string; status?: string; page: number };
export type TownshipCount = { code: string; name: string; open: number; closed: Record<CaseReason, number>; closedTotal: number };

export const UNENROLLED_PAGE_SIZE = 50;

/** The 未参保 cases of a year within the actor's jurisdiction (a township clerk: their township), optionally one township or village, with counts per township. */
export async function listUnenrolled(ctx: UseCaseContext, input: ListUnenrolledInput) {
  await requirePermission(ctx, "enrolment.work");
  const year = parseYear(input.year);
  const status = input.status === undefined || input.status === "" ? "open" : input.status;
  if (status !== "open" && status !== "closed" && status !== "all") throw new ValidationError("status", "状态应为 未销号、已销号 或 全部");
  const filter = { year, ...(await villageFilter(ctx, { township: input.township, village: input.village }, "enrolment.work")) };
  const page = Math.max(1, input.page);
  const list = await listCases(ctx.db, {
    ...filter,
    status: status === "all" ? undefined : status,
    limit: UNENROLLED_PAGE_SIZE,
    offset: (page - 1) * UNENROLLED_PAGE_SIZE,
  });
  const counts = new Map<string, TownshipCount>();
  for (const c of await countCases(ctx.db, { ...filter, village: undefined })) {
    const t = counts.get(c.townshipCode) ?? { code: c.townshipCode, name: c.townshipName ?? c.townshipCode, open: 0, closed: zeroReasons(), closedTotal: 0 };
    if (c.status === "open") t.open += c.n;
    else {
      if (c.reason) t.closed[c.reason] += c.n;
      t.closedTotal += c.n;
    }
    counts.set(c.townshipCode, t);
  }
  const village = filter.village ? { code: filter.village, name: (await findCurrentDivision(ctx.db, filter.village))?.name ?? filter.village } : null;
  const townships = await listCurrentDivisions(ctx.db, { scopePrefix: scopePrefix(ctx.actor.user.jurisdiction), level: "township" });
  return {
    year,
    status,
    /** The village the list is narrowed to (the dashboard's link from a village), or null. */
    village,
    page,
    hasMore: list.hasMore,
    rows: list.rows.map(({ idNumber, ...r }) => ({ ...r, idNumberMasked: maskIdNumber(idNumber) })),
    counts: [...counts.values()],
    townships: townships.map((t) => ({ code: t.code, name: t.name })),
    canGenerate: can(ctx.actor.user, "enrolment.manage"),
  };
}

function zeroReasons(): Record<CaseReason, number> {
  return Object.fromEntries(CASE_REASONS.map((r) => [r, 0])) as Record<CaseReason, number>;
}
