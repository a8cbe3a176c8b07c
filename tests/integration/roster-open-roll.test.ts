import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkTransaction } from "@/db/bulk";
import { readOpenRoll } from "@/db/queries/roster-import";
import { drivers, scratchDb, type Scratch } from "../helpers/scratch-db";

// readOpenRoll streams a department's open roll in PostgreSQL's binary COPY
// format and decodes it in Node (issue 9): every open entry of the department
// counted, those with a person key and an entry hash passed on exactly — keys
// with the top bit set, hashes up to 2⁵³ − 1, tuples cut across the stream's
// chunks — and the transaction usable afterwards (postgres.js 3.4 could leave
// the socket paused after a COPY TO, and the next statement never returned).

type Entry = { key: bigint | null; hash: number | null; department: string; open: boolean };

/** A spread of keys over the whole signed 64-bit range, some missing; hashes some missing, some at the top of their range. */
function entries(n: number, department: string): Entry[] {
  const out: Entry[] = [];
  for (let i = 0; i < n; i++) {
    const key = BigInt.asIntN(64, BigInt(i + 1) * 0x9e3779b97f4a7c15n);
    out.push({
      key: i % 97 === 5 ? null : key,
      hash: i % 10 === 3 ? null : i % 50 === 7 ? Number.MAX_SAFE_INTEGER : (i * 2654435761) % 2 ** 53,
      department,
      open: i % 13 !== 0,
    });
  }
  return out;
}

async function insert(s: Scratch, rows: Entry[]) {
  const text = (v: bigint | number | null) => (v === null ? null : String(v));
  await s.handle.raw.query(
    `INSERT INTO department_memberships (person_id, department, category, certified_on, from_date, to_date, person_key, entry_hash)
     SELECT gen_random_uuid(), d, 'severe_disability', '2026-01-05', '2026-02-01', CASE WHEN o = 't' THEN NULL ELSE '2026-02-28'::date END, k::bigint, h::bigint
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(d, o, k, h)`,
    [rows.map((r) => r.department), rows.map((r) => (r.open ? "t" : "f")), rows.map((r) => text(r.key)), rows.map((r) => text(r.hash))],
  );
}

describe.each(drivers())("the open roll read in binary on %s", (driver) => {
  let s: Scratch;
  beforeAll(async () => {
    s = await scratchDb(driver);
  }, 120_000);
  afterAll(async () => {
    await s?.drop();
  });

  for (const size of [0, 1, 2_400, 20_000]) {
    it(`a roll of ${size} entries: counted, decoded exactly, and the transaction goes on`, async () => {
      const department = `test_${size}`;
      const mine = entries(size, department);
      await insert(s, [...mine, ...entries(50, `other_${size}`)]);
      const expected = mine
        .filter((e) => e.open && e.key !== null && e.hash !== null)
        .map((e) => {
          const key = BigInt.asUintN(64, e.key!);
          return [Number(key >> 32n), Number(key & 0xffffffffn), e.hash!];
        })
        .sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);

      const { open, got, after } = await bulkTransaction(s.handle.db, async (tx) => {
        const got: number[][] = [];
        const open = await readOpenRoll(tx, department, (first, second, hash) => got.push([first, second, hash]));
        // The same transaction's next statements: a COPY in and a query.
        await tx.query("CREATE TEMP TABLE after_roll (n int) ON COMMIT DROP");
        const writer = await tx.copyStream("after_roll", ["n"]);
        await writer.write([["1"], ["2"]]);
        await writer.end();
        const [after] = await tx.query<{ n: number }>("SELECT sum(n)::int AS n FROM after_roll");
        return { open, got, after };
      });
      expect(open).toBe(mine.filter((e) => e.open).length);
      expect(got.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!)).toEqual(expected);
      expect(after).toEqual({ n: 3 });
    }, 120_000);
  }
});
