import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, asc, eq, gte, isNull, like, lte, or, sql } from "drizzle-orm";
import iconv from "iconv-lite";
import { CLAIM_COLUMN_KEYS, CLAIM_HEADERS } from "@/lib/claims/domain/claim-columns";
import { demoClaimsPlan, type DemoClaimRow, type DemoResident } from "@/lib/claims/domain/demo-claims-plan";
import { importClaims } from "@/lib/claims/import-claims";
import { beijingToday } from "@/lib/calendar/domain/iso-date";
import { DEMO_COUNTY } from "@/lib/demo/demo-divisions";
import { toCsv } from "@/lib/export/domain/csv";
import { toXlsx } from "@/lib/export/domain/xlsx";
import { formatCents, yuanToCents } from "@/lib/settlement/cents";
import { policyForClaimDate } from "@/lib/policies/policy-for-claim-date";
import { claims, people, personCategories, users } from "@/db/schema";
import type { Db } from "@/db/client";
import { byIdNumber, withIdNumbers } from "@/db/queries/people-ids";

// Demo step: a year of settlement records for a few hundred residents of the
// demo county, imported by the demo 医保 clerk through importClaims as two
// real files — the first half-year as the platform's GB18030 CSV, the rest as
// .xlsx — so the year view, limits, traces and re-settlement have data.
// Runs once the county has a policy in force and while the ledger is empty.

export const DEMO_CLAIMS_YEAR = 2026;
const PEOPLE = 300;

export async function seedDemoClaims(db: Db): Promise<Record<string, number> | null> {
  const [stored] = await db.select({ n: sql<number>`count(*)::int` }).from(claims);
  if ((stored?.n ?? 0) > 0) return null;
  const from = `${DEMO_CLAIMS_YEAR}-01-01`;
  const today = beijingToday();
  const to = today < `${DEMO_CLAIMS_YEAR}-12-31` ? today : `${DEMO_CLAIMS_YEAR}-12-31`;
  if (to < `${DEMO_CLAIMS_YEAR}-02-01`) return null;
  if (!(await policyForClaimDate(db, DEMO_COUNTY, from)) || !(await policyForClaimDate(db, DEMO_COUNTY, to))) return null;
  const [clerk] = await db.select().from(users).where(eq(users.username, "yibao.clerk"));
  if (!clerk) return null;

  const rows = demoClaimsPlan(await residents(db, from, to), { from, to, people: PEOPLE });
  const ctx = {
    db,
    actor: {
      kind: "user" as const,
      user: { id: clerk.id, username: clerk.username, displayName: clerk.displayName, department: clerk.department, role: clerk.role, jurisdiction: clerk.jurisdiction, status: clerk.status },
      ip: null,
      userAgent: "demo seed",
    },
  };
  const dir = await mkdtemp(join(tmpdir(), "demo-claims-"));
  let added = 0;
  let corrected = 0;
  try {
    const half = `${DEMO_CLAIMS_YEAR}-06-30`;
    const first = rows.filter((r) => r.claim_date <= half);
    const second = rows.filter((r) => r.claim_date > half);
    const files: string[] = [];
    if (first.length > 0) files.push(await writeCsv(join(dir, `医保平台结算记录-${DEMO_CLAIMS_YEAR}年上半年.csv`), first));
    if (second.length > 0) files.push(await writeXlsx(join(dir, `医保平台结算记录-${DEMO_CLAIMS_YEAR}年下半年.xlsx`), second));
    for (const path of files) {
      const result = await importClaims(ctx, { path, fileName: path.split("/").pop()! });
      if (result.rejected.length > 0) throw new Error(`demo claims ${path} rejected: ${JSON.stringify(result.rejected.slice(0, 3))}`);
      added += result.added;
    }
    // A month later the platform re-sends three stays it settled again (basic
    // insurance paid 150 元 more on each): imported as corrections, so the
    // ledger shows superseded claims and the import history a 更正 result.
    const again = [rows[20], rows[120], rows[220]].filter((r): r is DemoClaimRow => r !== undefined && r.claim_date < to);
    if (again.length > 0) {
      const resent = again.map((r) => ({ ...r, basic_paid: formatCents(yuanToCents(r.basic_paid) + 15_000) }));
      const path = await writeXlsx(join(dir, `医保平台结算记录-${DEMO_CLAIMS_YEAR}年更正.xlsx`), resent);
      const result = await importClaims(ctx, { path, fileName: path.split("/").pop()! });
      if (result.rejected.length > 0) throw new Error(`demo claims ${path} rejected: ${JSON.stringify(result.rejected.slice(0, 3))}`);
      corrected = result.corrected;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { "settlement records": added, "corrected records": corrected };
}

/** The county's residents with their consolidated category in the year (the latest one held), if any. */
async function residents(db: Db, from: string, to: string): Promise<DemoResident[]> {
  const rows = await db
    .select({ idSealed: people.idSealed, name: people.name, divisionCode: people.divisionCode, category: personCategories.category, categoryFrom: personCategories.fromDate })
    .from(people)
    .leftJoin(
      personCategories,
      and(eq(personCategories.personId, people.id), lte(personCategories.fromDate, to), or(isNull(personCategories.toDate), gte(personCategories.toDate, from))),
    )
    .where(like(people.divisionCode, "430524%"))
    .orderBy(asc(personCategories.fromDate));
  const byId = new Map<string, DemoResident>();
  // In ID order, then by category start, as the plan expects (stable sort; sealed IDs have no order).
  for (const r of withIdNumbers(rows).sort(byIdNumber)) byId.set(r.idNumber, { ...r, categoryFrom: r.categoryFrom ?? null, category: r.category ?? null });
  return [...byId.values()];
}

const columns = CLAIM_COLUMN_KEYS.map((key) => ({ header: CLAIM_HEADERS[key], key, ...(key === "id_number" || key === "external_id" ? { numFmt: "@" } : {}) }));

async function writeCsv(path: string, rows: DemoClaimRow[]): Promise<string> {
  // As Chinese Excel's "CSV (逗号分隔)" saves a platform export: GB18030, no BOM.
  const text = toCsv({ columns, rows }).toString("utf8").replace(/^\uFEFF/, "");
  await writeFile(path, iconv.encode(text, "gb18030"));
  return path;
}

async function writeXlsx(path: string, rows: DemoClaimRow[]): Promise<string> {
  await writeFile(path, await toXlsx([{ name: "结算记录", columns, rows }]));
  return path;
}
