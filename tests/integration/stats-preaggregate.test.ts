import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkTransaction } from "@/db/bulk";
import type { Db } from "@/db/client";
import { coverageGroups, coverageGroupsRaw } from "@/db/queries/coverage-stats";
import { paymentsGroups, paymentsGroupsRaw, periodPieces, type PaymentsGroup } from "@/db/queries/stats-payments";
import { subsidyBySource, subsidyBySourceRaw, subsidyGroups, subsidyGroupsRaw } from "@/db/queries/stats-subsidy";
import { applyResettle } from "@/lib/claims/apply-resettle";
import { importClaims } from "@/lib/claims/import-claims";
import { previewResettle } from "@/lib/claims/preview-resettle";
import { runSubsidies } from "@/lib/enrolment/run-subsidies";
import { correctPersonRegister } from "@/lib/people/correct-person-register";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { activatePolicy, claimCells, residents, setCategory, writeClaimsXlsx, type TestPerson } from "@/tests/helpers/claims-fixtures";
import { tempDir } from "@/tests/helpers/roster-files";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// The kept dashboard figures (migrations 0025_stats_preaggregates and
// 0029_stats_township_rollups: summary tables maintained by triggers in the
// writing transaction; a county reads the township rollups, a township its
// villages) against the same
// figures computed from the raw tables (the *Raw queries, the definitions),
// after every kind of write that changes them, through the product's own
// paths: a roster import and consolidation, the claims import, a category
// correction and the re-settlement it causes, a corrected claims re-import, a
// register correction that moves a person to another township, enrolments and
// the subsidy run, and rows changed by hand. Each check compares the county,
// both townships written to and their villages, on years, quarters, months,
// partial and cross-year ranges and on dates around every change.

const COUNTY = "430524000000";
const withIncome = (r: PolicyRecord) =>
  r.parameters.values.push({ year: 2025, name: "priorYearIncome", value: "36000", source: { doc: "001", paragraph: "§二(二)2", defaulted: true, note: "测试值" } });

const PERIODS: [string, string][] = [
  ["2025-01-01", "2025-12-31"],
  ["2025-04-01", "2025-06-30"],
  ["2025-03-01", "2025-03-31"],
  ["2025-06-01", "2025-06-30"],
  ["2025-03-05", "2025-06-20"], // a partial month read as its days, one read as the month less its other days
  ["2025-03-12", "2025-03-28"],
  ["2024-12-15", "2026-01-10"], // across two New Years
  ["2025-06-15", "2025-06-15"],
];
const DATES = ["2024-12-31", "2025-01-01", "2025-04-30", "2025-05-01", "2025-06-15", "2025-12-31", "2026-01-01", "2026-12-02"];

const sortGroups = (gs: PaymentsGroup[]) => [...gs].sort((a, b) => `${a.grouping}|${a.key}`.localeCompare(`${b.grouping}|${b.key}`));

async function compareAll(db: Db, divisions: readonly string[]): Promise<number> {
  let compared = 0;
  for (const division of divisions) {
    const prefix = division.endsWith("000000") ? division.slice(0, 6) : division.endsWith("000") ? division.slice(0, 9) : division;
    const childDigits = prefix.length === 6 ? 9 : 12;
    for (const on of DATES) {
      expect(await coverageGroups(db, prefix, childDigits, on), `coverage ${division} on ${on}`).toEqual(await coverageGroupsRaw(db, prefix, childDigits, on));
      compared++;
    }
    for (const [from, to] of PERIODS) {
      const a = { prefix, childDigits, from, to };
      expect(sortGroups(await paymentsGroups(db, a)), `payments ${division} ${from}…${to}`).toEqual(sortGroups(await paymentsGroupsRaw(db, a)));
      compared++;
    }
    for (const years of [[2025], [2026], [2024, 2025, 2026]]) {
      expect(await subsidyGroups(db, { prefix, childDigits, years }), `subsidy ${division} ${years}`).toEqual(await subsidyGroupsRaw(db, { prefix, childDigits, years }));
      expect(await subsidyBySource(db, { prefix, years }), `sources ${division} ${years}`).toEqual(await subsidyBySourceRaw(db, { prefix, years }));
      compared++;
    }
  }
  return compared;
}

describe("periodPieces", () => {
  it("reads whole months from the month table and a partial month by its fewer days", () => {
    expect(periodPieces("2025-01-01", "2025-11-30")).toEqual([{ table: "month", from: "2025-01-01", to: "2025-11-01", sign: 1 }]);
    expect(periodPieces("2025-03-05", "2025-06-20")).toEqual([
      { table: "month", from: "2025-03-01", to: "2025-03-01", sign: 1 },
      { table: "day", from: "2025-03-01", to: "2025-03-04", sign: -1 },
      { table: "month", from: "2025-04-01", to: "2025-06-01", sign: 1 },
      { table: "day", from: "2025-06-21", to: "2025-06-30", sign: -1 },
    ]);
    expect(periodPieces("2025-02-20", "2025-02-28")).toEqual([{ table: "day", from: "2025-02-20", to: "2025-02-28", sign: 1 }]);
    expect(periodPieces("2024-12-31", "2025-01-01")).toEqual([
      { table: "day", from: "2024-12-31", to: "2024-12-31", sign: 1 },
      { table: "day", from: "2025-01-01", to: "2025-01-01", sign: 1 },
    ]);
  });
});

describe.each(drivers())("kept dashboard figures equal the raw GROUP BY after every write on %s", (driver) => {
  let s: Scratch;
  let files: Awaited<ReturnType<typeof tempDir>>;
  let late: TestPerson;
  let steady: TestPerson;
  let other: TestPerson;
  const divisions = () => [COUNTY, "430524102000", "430524101000", late.divisionCode, steady.divisionCode, "430524101201"];
  beforeAll(async () => {
    s = await seededDb(driver);
    files = await tempDir();
    await activatePolicy(s.handle.db, { preset: "pengshui-2023", division: COUNTY, activeFrom: "2025-01-01", edit: withIncome });
    [late, steady, other] = (await residents(s.handle.db, "4305241022", 3)) as [TestPerson, TestPerson, TestPerson];
  }, 600_000);
  afterAll(async () => {
    await s?.drop();
    await files?.remove();
  });

  it("after a roster import and its consolidation", async () => {
    await setCategory(s.handle.db, [steady, other], "dibao", "2025-01-01");
    expect(await compareAll(s.handle.db, divisions())).toBeGreaterThan(0);
  });

  it("after the claims import", async () => {
    const stay = { total: "55000", scope: "52000", basic: "31000", critical: "2500" };
    const r = await importClaims(await contextOf(s, "yibao.clerk"), {
      path: await writeClaimsXlsx(files.file("2025.xlsx"), [
        claimCells({ externalId: "PA-1", person: late, date: "2025-03-10", ...stay }),
        claimCells({ externalId: "PA-2", person: late, date: "2025-06-15", ...stay }),
        claimCells({ externalId: "PA-3", person: steady, date: "2025-04-01", ...stay, critical: "" }),
        claimCells({ externalId: "PA-4", person: other, date: "2025-03-28", setting: "门诊", total: "800", scope: "700", basic: "300", critical: "0" }),
        claimCells({ externalId: "PA-5", person: other, date: "2025-12-31", ...stay }),
      ]),
      fileName: "2025.xlsx",
    });
    expect(r.rejected).toEqual([]);
    await compareAll(s.handle.db, divisions());
  });

  it("after a category correction and the re-settlement it causes", async () => {
    await setCategory(s.handle.db, late, "dibao", "2025-05-01");
    await compareAll(s.handle.db, divisions());
    const reviewer = await contextOf(s, "yibao.reviewer");
    const p = await previewResettle(reviewer, { year: "2025" });
    expect(p.changes.length).toBeGreaterThan(0);
    await applyResettle(reviewer, { year: "2025", fingerprint: p.fingerprint, reason: "低保认定日期更正" });
    const [superseded] = await s.handle.raw.query<{ n: number }>("select count(*)::int as n from claim_settlements where superseded_at is not null");
    expect(superseded!.n).toBeGreaterThan(0);
    await compareAll(s.handle.db, divisions());
  });

  it("after a corrected claims re-import (the old claim and its result superseded)", async () => {
    const r = await importClaims(await contextOf(s, "yibao.clerk"), {
      path: await writeClaimsXlsx(files.file("2025-fix.xlsx"), [
        claimCells({ externalId: "PA-1", person: late, date: "2025-03-11", total: "56000", scope: "53000", basic: "31000", critical: "2500" }),
      ]),
      fileName: "2025-fix.xlsx",
    });
    expect(r.rejected).toEqual([]);
    await compareAll(s.handle.db, divisions());
  });

  it("after enrolments and the subsidy run, and rows changed by hand", async () => {
    await s.handle.raw.query(
      `insert into enrolments (person_id, year, contribution, paid_on) values ($1, 2025, '380.00', '2025-05-20'), ($2, 2025, '380.00', '2024-12-20'), ($3, 2026, '380.00', '2025-12-20')`,
      [late.id, steady.id, other.id],
    );
    await bulkTransaction(s.handle.db, (tx) => runSubsidies(tx, { year: 2025, scopePrefix: "430524", fromStaging: false }));
    const [subsidised] = await s.handle.raw.query<{ n: number }>("select count(*)::int as n from subsidies where year = 2025");
    expect(subsidised!.n).toBeGreaterThan(0);
    await compareAll(s.handle.db, divisions());
    await s.handle.raw.query("update subsidies set subsidy = subsidy + 1.25 where person_id = $1", [steady.id]);
    await s.handle.raw.query("delete from enrolments where person_id = $1 and year = 2026", [other.id]);
    await s.handle.raw.query("update person_categories set to_date = '2025-08-31' where person_id = $1 and to_date is null", [other.id]);
    await compareAll(s.handle.db, divisions());
  });

  it("after a register correction moves a person to another township (their whole history moves)", async () => {
    await correctPersonRegister(await contextOf(s, "yibao.reviewer"), late.id, { name: late.name, divisionCode: "430524101201", reason: "经户籍信息核实" });
    await compareAll(s.handle.db, divisions());
  });

  it("and a rebuild from the raw tables changes none of the kept sums", async () => {
    const snapshot = async () =>
      s.handle.db.execute(sql`
        select 'p' as t, division_code as d, claim_date::text as k, category as c, setting as x, claims::text as n, (basic + critical + assistance + tilted + self_paid + total_cost)::text as v from stats_payments_day where claims <> 0
        union all select 'c', division_code, on_date::text, category, '', assisted::text, enrolled::text from stats_coverage_step where assisted <> 0 or enrolled <> 0
        union all select 's', division_code, year::text, category, '', people::text, (subsidy + personal)::text from stats_subsidy_year where people <> 0
        union all select 'pt', division_code, claim_date::text, category, setting, claims::text, (basic + critical + assistance + tilted + self_paid + total_cost)::text from stats_payments_day_township where claims <> 0
        union all select 'mt', division_code, month::text, category, setting, claims::text, (basic + critical + assistance + tilted + self_paid + total_cost)::text from stats_payments_month_township where claims <> 0
        union all select 'ct', division_code, on_date::text, category, '', assisted::text, enrolled::text from stats_coverage_step_township where assisted <> 0 or enrolled <> 0
        union all select 'st', division_code, year::text, source, '', lines::text, amount::text from stats_subsidy_source_township where lines <> 0
        order by 1, 2, 3, 4, 5`);
    const rows = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows);
    const before = rows(await snapshot());
    expect(before.length).toBeGreaterThan(0);
    await s.handle.db.execute(sql`select stats_rebuild()`);
    expect(rows(await snapshot())).toEqual(before);
  });
});
