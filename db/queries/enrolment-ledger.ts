import { and, asc, eq, like, sql, type SQL } from "drizzle-orm";
import { enrolments, people, policyVersions, subsidies } from "../schema";
import type { Db } from "../client";
import { currentDivisionName, townshipNameOf } from "./division-names";
import { pageOf } from "./page";
import { withIdNumbers } from "./people-ids";

// The 参保台账 of low-income people: each subsidy row with its enrolment, and
// the totals by funding source and by category. Every query takes the
// caller's scope prefix (people.division_code), so nothing outside it is read.

export type LedgerFilter = { year: number; scopePrefix: string; township?: string };

function where(f: LedgerFilter): SQL {
  const w: SQL[] = [eq(subsidies.year, f.year), like(people.divisionCode, `${f.scopePrefix}%`)];
  if (f.township) w.push(like(people.divisionCode, `${f.township.slice(0, 9)}%`));
  return and(...w)!;
}

const village = currentDivisionName(people.divisionCode);
const township = townshipNameOf(people.divisionCode);

export async function ledgerRows(db: Db, f: LedgerFilter & { limit: number; offset: number }) {
  const rows = await db
    .select({
      personId: people.id,
      name: people.name,
      idSealed: people.idSealed,
      villageName: village,
      townshipName: township,
      category: subsidies.category,
      tier: enrolments.tier,
      contribution: enrolments.contribution,
      paidOn: enrolments.paidOn,
      feeExempt: enrolments.feeExempt,
      subsidy: subsidies.subsidy,
      personal: subsidies.personal,
      funding: subsidies.funding,
      policyName: policyVersions.name,
      policyVersion: policyVersions.version,
    })
    .from(subsidies)
    .innerJoin(people, eq(people.id, subsidies.personId))
    .innerJoin(enrolments, and(eq(enrolments.personId, subsidies.personId), eq(enrolments.year, subsidies.year)))
    .leftJoin(policyVersions, eq(policyVersions.id, subsidies.policyVersionId))
    .where(where(f))
    .orderBy(asc(people.divisionCode), asc(people.name), asc(subsidies.id))
    .limit(f.limit + 1)
    .offset(f.offset);
  const page = pageOf(rows, f.limit);
  return { ...page, rows: withIdNumbers(page.rows) };
}

const fromSource = (source: string) =>
  sql<string>`coalesce(sum((select sum((x->>'amount')::numeric) from jsonb_array_elements(${subsidies.funding}) x where x->>'source' = ${source})), 0)::numeric(14,2)::text`;

/** Totals by funding source (summed from each row's funding lines) and overall. */
export async function ledgerTotals(db: Db, f: LedgerFilter) {
  const [row] = await db
    .select({
      people: sql<number>`count(*)::int`,
      contribution: sql<string>`coalesce(sum(${enrolments.contribution}), 0)::numeric(14,2)::text`,
      subsidy: sql<string>`coalesce(sum(${subsidies.subsidy}), 0)::numeric(14,2)::text`,
      personal: sql<string>`coalesce(sum(${subsidies.personal}), 0)::numeric(14,2)::text`,
      medicalAssistance: fromSource("medical_assistance"),
      finance: fromSource("finance"),
      personalFunding: fromSource("personal"),
    })
    .from(subsidies)
    .innerJoin(people, eq(people.id, subsidies.personId))
    .innerJoin(enrolments, and(eq(enrolments.personId, subsidies.personId), eq(enrolments.year, subsidies.year)))
    .where(where(f));
  return row!;
}

export async function ledgerByCategory(db: Db, f: LedgerFilter) {
  return db
    .select({
      category: subsidies.category,
      people: sql<number>`count(*)::int`,
      contribution: sql<string>`coalesce(sum(${enrolments.contribution}), 0)::numeric(14,2)::text`,
      subsidy: sql<string>`coalesce(sum(${subsidies.subsidy}), 0)::numeric(14,2)::text`,
      personal: sql<string>`coalesce(sum(${subsidies.personal}), 0)::numeric(14,2)::text`,
      medicalAssistance: fromSource("medical_assistance"),
      finance: fromSource("finance"),
    })
    .from(subsidies)
    .innerJoin(people, eq(people.id, subsidies.personId))
    .innerJoin(enrolments, and(eq(enrolments.personId, subsidies.personId), eq(enrolments.year, subsidies.year)))
    .where(where(f))
    .groupBy(subsidies.category)
    .orderBy(sql`count(*) desc`, asc(subsidies.category));
}

/**
 * Enrolments of the year in the scope, and how many of them still wait for a
 * subsidy although the person held a category on the payment day.
 */
export async function enrolmentCounts(db: Db, f: LedgerFilter) {
  const scope = like(people.divisionCode, `${f.township ? f.township.slice(0, 9) : f.scopePrefix}%`);
  const [row] = await db
    .select({
      enrolled: sql<number>`count(*)::int`,
      pending: sql<number>`count(*) filter (where not exists (select 1 from ${subsidies} s where s.person_id = ${enrolments.personId} and s.year = ${enrolments.year})
        and exists (select 1 from person_categories pc where pc.person_id = ${enrolments.personId} and pc.from_date <= ${enrolments.paidOn}
                    and (pc.to_date is null or pc.to_date >= ${enrolments.paidOn})))::int`,
    })
    .from(enrolments)
    .innerJoin(people, eq(people.id, enrolments.personId))
    .where(and(eq(enrolments.year, f.year), like(people.divisionCode, `${f.scopePrefix}%`), scope));
  return row!;
}

/** Years that have enrolments in the scope, newest first. */
export async function enrolmentYears(db: Db, scopePrefix: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: enrolments.year })
    .from(enrolments)
    .innerJoin(people, eq(people.id, enrolments.personId))
    .where(like(people.divisionCode, `${scopePrefix}%`))
    .orderBy(sql`${enrolments.year} desc`);
  return rows.map((r) => r.year);
}
