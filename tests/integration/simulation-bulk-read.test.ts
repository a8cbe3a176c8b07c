import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  canReadClaimsInBulk,
  simulationClaimsBulk,
  simulationClaimsPage,
  simulationEnrolmentsBulk,
  simulationEnrolmentsPage,
  type SimulationClaimFen,
  type SimulationEnrolmentRow,
} from "@/db/queries/policy-simulation";
import { ClaimCopyParser } from "@/db/queries/simulation-copy-parsers";
import { ledgerClaimOf, ledgerClaimOfFen } from "@/lib/claims/domain/settle-year";
import { drivers, scratchDb, type Scratch } from "../helpers/scratch-db";

// 政策测算's bulk read of the claims ledger (db/queries/policy-simulation.ts):
// on PostgreSQL one `COPY (SELECT …) TO STDOUT` parsed from its bytes, which
// must give exactly the rows the keyset pages give (amounts in fen, text
// escapes undone, NULL amounts), whatever the chunks the server sends; and a
// read stopped early must leave the database usable.

const A = "0194a3c0-0000-7000-8000-000000000001";
const B = "0194a3c0-0000-7000-8000-000000000002";

/** One COPY text line: fields already in COPY's text form. */
const line = (fields: readonly string[]) => `${fields.join("\t")}\n`;

const rows: { text: string[]; row: SimulationClaimFen }[] = [
  {
    text: [A, A, "430524102201", "FLOW-1", "2025-01-03", "inpatient", "2", "f", "t", "t", "f", "52000.00", "3000.00", "31000.00", "\\N", "0.00", "0.00"],
    row: {
      id: A,
      personId: A,
      divisionCode: "430524102201",
      externalId: "FLOW-1",
      claimDate: "2025-01-03",
      setting: "inpatient",
      hospitalLevel: 2,
      specialDisease: false,
      referred: true,
      inCity: true,
      onApplication: false,
      policyScopeCost: 5_200_000,
      outOfScopeCost: 300_000,
      basicPaid: 3_100_000,
      criticalPaid: null,
      hospitalWaived: 0,
      commercialPaid: 0,
    },
  },
  {
    // A 结算流水号 with a tab, a newline, a backslash and Chinese: escaped by COPY, restored here.
    text: [B, A, "430524102201", "隆回\\t一院\\\\2025\\n第7号", "2025-02-28", "outpatient", "3", "t", "f", "f", "t", "0.01", "0.00", "\\N", "12.50", "1.05", "99999999.99"],
    row: {
      id: B,
      personId: A,
      divisionCode: "430524102201",
      externalId: "隆回\t一院\\2025\n第7号",
      claimDate: "2025-02-28",
      setting: "outpatient",
      hospitalLevel: 3,
      specialDisease: true,
      referred: false,
      inCity: false,
      onApplication: true,
      policyScopeCost: 1,
      outOfScopeCost: 0,
      basicPaid: null,
      criticalPaid: 1_250,
      hospitalWaived: 105,
      commercialPaid: 9_999_999_999,
    },
  },
  {
    // Amounts in forms numeric(14,2) does not print: read through yuanToCents, as the pages read them.
    text: [B, B, "430524100001", "X", "2025-12-31", "inpatient", "1", "f", "t", "t", "f", "100", "-0.01", "7.5", "\\N", "0.00", "0.00"],
    row: {
      id: B,
      personId: B,
      divisionCode: "430524100001",
      externalId: "X",
      claimDate: "2025-12-31",
      setting: "inpatient",
      hospitalLevel: 1,
      specialDisease: false,
      referred: true,
      inCity: true,
      onApplication: false,
      policyScopeCost: 10_000,
      outOfScopeCost: -1,
      basicPaid: 750,
      criticalPaid: null,
      hospitalWaived: 0,
      commercialPaid: 0,
    },
  },
];

describe("COPY text rows → SimulationClaimFen", () => {
  const bytes = Buffer.from(rows.map((r) => line(r.text)).join(""), "utf8");

  it("reads every field, escapes and NULLs included", () => {
    const out: SimulationClaimFen[] = [];
    const parser = new ClaimCopyParser();
    parser.push(bytes, out);
    parser.end(out);
    expect(out).toEqual(rows.map((r) => r.row));
  });

  it("gives the same rows whichever byte the chunks are cut at (inside a line, a field, a UTF-8 character)", () => {
    for (let cut = 1; cut < bytes.length; cut++) {
      const out: SimulationClaimFen[] = [];
      const parser = new ClaimCopyParser();
      parser.push(bytes.subarray(0, cut), out);
      parser.push(bytes.subarray(cut), out);
      parser.end(out);
      expect(out, `cut at byte ${cut}`).toEqual(rows.map((r) => r.row));
    }
  });

  it("refuses a line with missing fields rather than shifting them", () => {
    const parser = new ClaimCopyParser();
    expect(() => parser.push(Buffer.from(line(rows[0]!.text.slice(0, 16))), [])).toThrow(/16 fields, expected 17/);
  });
});

describe.each(drivers())("the bulk read on %s", (driver) => {
  let s: Scratch;
  const f = { scopePrefix: "430524", from: "2025-01-01", to: "2025-12-31" };

  beforeAll(async () => {
    s = await scratchDb(driver);
    const q = s.handle.raw.query;
    // 40 people with 1–3 claims each (one superseded, one out of the period, one outside the county), ids in a known order.
    await q(`INSERT INTO people (id, id_number, name, sex, birth_date, division_code)
      SELECT ('0194a3c0-0000-7000-8000-' || lpad(i::text, 12, '0'))::uuid, '9' || lpad(i::text, 17, '0'), '测' || i, 'male', date '1970-01-01',
             CASE WHEN i = 7 THEN '430525100001' ELSE '43052410' || (i % 3) || '201' END
      FROM generate_series(1, 40) i`);
    await q(`INSERT INTO claims (external_id, person_id, claim_date, setting, hospital_name, hospital_level, total_cost, policy_scope_cost, out_of_scope_cost, basic_paid,
               critical_paid, special_disease, hospital_waived)
      SELECT CASE WHEN i = 3 AND k = 1 THEN E'T\\t\\\\院' || i ELSE 'C-' || i || '-' || k END, ('0194a3c0-0000-7000-8000-' || lpad(i::text, 12, '0'))::uuid,
             CASE WHEN i = 5 AND k = 2 THEN date '2024-12-31' ELSE date '2025-01-01' + (i * 7 + k * 31) % 365 END,
             CASE WHEN k = 2 THEN 'outpatient' ELSE 'inpatient' END, '县医院', 1 + i % 3, 1000 + i * 13.37 + k, 900 + i * 11.01 + k, 100.00,
             CASE WHEN i % 4 = 0 THEN NULL ELSE 400 + i END, CASE WHEN i % 5 = 0 THEN 12.34 ELSE NULL END, i % 6 = 0, CASE WHEN i % 7 = 0 THEN 3.21 ELSE 0 END
      FROM generate_series(1, 40) i CROSS JOIN generate_series(1, 1 + i % 3) k`);
    await q(`UPDATE claims SET superseded_at = now() WHERE external_id = 'C-9-1'`);
    // Enrolments of 2024–2026 (the read asks for 2025 only), tier 2 with and without its import's tier-1 standard, categories held on some payment days.
    await q(`INSERT INTO enrolment_imports (id, year, file_name, file_sha256, rows, tier1) VALUES (1, 2025, 'a.xlsx', repeat('a', 64), 1, NULL), (2, 2025, 'b.xlsx', repeat('b', 64), 1, 400)`);
    await q(`INSERT INTO person_categories (person_id, category, from_date, to_date, source)
      SELECT ('0194a3c0-0000-7000-8000-' || lpad(i::text, 12, '0'))::uuid, CASE WHEN i % 2 = 0 THEN 'dibao' ELSE 'tekun' END, date '2025-01-01', CASE WHEN i % 3 = 0 THEN date '2025-03-01' END, 'consolidated'
      FROM generate_series(1, 40, 4) i`);
    await q(`INSERT INTO enrolments (person_id, year, tier, contribution, paid_on, fee_exempt, import_id)
      SELECT ('0194a3c0-0000-7000-8000-' || lpad(i::text, 12, '0'))::uuid, 2024 + i % 3, CASE WHEN i % 5 = 0 THEN 2 ELSE 1 END, 380 + i * 0.5,
             date '2025-01-01' + i * 3, CASE WHEN i % 4 = 0 THEN 'yes' ELSE 'no' END, CASE WHEN i % 10 = 0 THEN NULL WHEN i % 2 = 0 THEN 1 ELSE 2 END
      FROM generate_series(1, 40) i`);
  }, 120_000);

  afterAll(async () => {
    await s?.drop();
  });

  it(driver === "postgres" ? "reads on PostgreSQL exactly the rows and order the keyset pages give; stopped early, leaves the database answering" : "is not used on PGlite (the pages are)", async () => {
    const db = s.handle.db;
    expect(canReadClaimsInBulk(db)).toBe(driver === "postgres");
    if (driver !== "postgres") return;
    const paged = [];
    let after: string | null = null;
    for (;;) {
      const page = await simulationClaimsPage(db, { ...f, afterPersonId: after, limit: 1_000 });
      paged.push(...page);
      if (page.length < 1_000) break;
      after = page[page.length - 1]!.personId;
    }
    const bulk: SimulationClaimFen[] = [];
    for await (const batch of simulationClaimsBulk(db, { ...f, batch: 7 })) bulk.push(...batch);
    expect(bulk.length).toBeGreaterThan(60);
    expect(bulk.some((r) => r.externalId === "T\t\\院3")).toBe(true);
    expect(bulk.map((r) => [r.personId, r.divisionCode, ledgerClaimOfFen(r)])).toEqual(paged.map((r) => [r.personId, r.divisionCode, ledgerClaimOf(r)]));

    for await (const batch of simulationClaimsBulk(db, { ...f, batch: 1 })) {
      expect(batch.length).toBeGreaterThan(0);
      break;
    }
    const [row] = await s.handle.raw.query<{ n: number }>("SELECT count(*)::int AS n FROM claims");
    expect(row!.n).toBeGreaterThan(60);
  });

  it(driver === "postgres" ? "reads the enrolments on PostgreSQL exactly as the keyset pages do (tier 1 of the import, categories, NULLs)" : "reads no enrolments in bulk on PGlite", async () => {
    const db = s.handle.db;
    if (driver !== "postgres") return;
    const g = { scopePrefix: "430524", fromYear: 2025, toYear: 2025 };
    const paged: SimulationEnrolmentRow[] = [];
    let after = 0;
    for (;;) {
      const page = await simulationEnrolmentsPage(db, { ...g, afterId: after, limit: 4 });
      paged.push(...page);
      if (page.length < 4) break;
      after = page[page.length - 1]!.id;
    }
    const bulk: SimulationEnrolmentRow[] = [];
    for await (const batch of simulationEnrolmentsBulk(db, { ...g, batch: 3 })) bulk.push(...batch);
    expect(bulk.length).toBeGreaterThan(10);
    expect(bulk.some((e) => e.tier === 2 && e.tier1 !== null) && bulk.some((e) => e.tier1 === null) && bulk.some((e) => e.category !== null) && bulk.some((e) => e.category === null)).toBe(true);
    expect(bulk).toEqual(paged);
  });
});
