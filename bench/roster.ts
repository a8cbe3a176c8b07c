import { createReadStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import postgres from "postgres";
import type { Db } from "@/db/client";
import { setupDatabase } from "@/seed/setup-database";
import { listCurrentDivisions } from "@/db/queries/divisions";
import { systemActor } from "@/lib/auth/domain/system-actor";
import { ROSTER_DEPARTMENTS, type RosterDepartment } from "@/lib/departments/departments";
import { consolidateMonth } from "@/lib/rosters/consolidate-month";
import { importRoster } from "@/lib/rosters/import-roster";
import { benchDataKeys, scratchPostgres } from "./lib/bench-database";
import { trackPeakRss } from "./lib/peak-memory";
import { writeDepartmentFile, type RosterMonth } from "./lib/roster-rows";

// `npm run bench -- roster [--rows N]`: two months of rosters through the real
// use cases on a real PostgreSQL, each beside PostgreSQL's own COPY of the
// same files into a bare table in the same run.
//   month 1 (2026-11): N (default 1,000,000) rows over four departments, everyone 新增.
//   month 2 (2026-12): the steady state — the same people as 在册, 1 % 减少, 1 % new 新增.
// Targets (issues 4 and 9): month 2's import + consolidation within 5× its
// bare COPY (work proportional to what changed), month 1 no slower than
// before, peak memory under 400 MB. Month 1 also prints the floor: the rows
// an import must keep (people, rolls, categories) written into three bare
// tables; README "Benchmarks".

type MonthFiles = { department: RosterDepartment; file: string; rows: number }[];
type MonthFigures = { label: string; rows: number; mb: number; copy: number; importS: number; consolidate: number; peak: number; persons: number; conflicts: number; added: number; removed: number; changed: number };

export default async function rosterBench(args: string[]) {
  // ID numbers are sealed and hashed as in production; a scratch database needs only throwaway keys.
  benchDataKeys();
  const i = args.indexOf("--rows");
  const total = i >= 0 ? Number(args[i + 1]) : 1_000_000;
  const dir = mkdtempSync(path.join(tmpdir(), "bench-roster-"));
  const db = await scratchPostgres("roster");
  try {
    await setupDatabase(db.handle, { seed: false });
    await setupDatabase(db.handle); // divisions and accounts of the demo county: the rows' villages must be known
    const villages = (await listCurrentDivisions(db.handle.db, { level: "village" })).map((d) => d.code);
    const generate = async (month: RosterMonth): Promise<MonthFiles> => {
      const files: MonthFiles = [];
      for (const department of ROSTER_DEPARTMENTS) {
        const file = path.join(dir, `${department}-${month}.csv`);
        files.push({ department, file, rows: await writeDepartmentFile(file, department, total, villages, month) });
      }
      return files;
    };
    const sql = postgres(db.url, { onnotice: () => {}, max: 1 });

    const month1 = await generate(1);
    const floorSeconds = await measureFloor(sql, month1);
    const m1 = await runMonth(db.handle.db, sql, "month 1 (2026-11, all 新增)", "2026-11", month1);
    const month2 = await generate(2);
    const m2 = await runMonth(db.handle.db, sql, "month 2 (2026-12, 在册 + 1 % 减少 + 1 % 新增)", "2026-12", month2);
    await sql.end();

    for (const m of [m1, m2]) printMonth(m);
    console.log(`\nmonth 1: import + consolidation = ${((m1.importS + m1.consolidate) / m1.copy).toFixed(1)} × its bare COPY; peak RSS ${m1.peak} MB`);
    console.log(`month 2: import + consolidation = ${((m2.importS + m2.consolidate) / m2.copy).toFixed(1)} × its bare COPY (target ≤ 5×); peak RSS ${m2.peak} MB (target < 400 MB)`);
    console.log(`floor (month 1's people, rolls, categories written bare, before any check or index) = ${(floorSeconds / m1.copy).toFixed(1)} × bare COPY`);
  } finally {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** PostgreSQL's COPY of the month's bytes into a bare table: the baseline each month is compared with. */
async function bareCopy(sql: postgres.Sql, files: MonthFiles): Promise<number> {
  await sql`CREATE TABLE bare_copy (id_number text, name text, category text, change text, division_code text, certified_on text, note text)`;
  const t = performance.now();
  for (const f of files) {
    const stream = await sql`COPY bare_copy FROM STDIN WITH (FORMAT csv, HEADER true)`.writable();
    await pipeline(createReadStream(f.file), stream);
  }
  const seconds = (performance.now() - t) / 1000;
  await sql`DROP TABLE bare_copy`;
  return seconds;
}

/**
 * The floor under any import that keeps a register of people, the
 * departments' rolls and the consolidated categories: the same rows merely
 * written into three bare tables (no index, no constraint, no check, no
 * history), by INSERT … SELECT from a COPY.
 */
async function measureFloor(sql: postgres.Sql, files: MonthFiles): Promise<number> {
  await sql`CREATE TABLE floor_copy (id_number text, name text, category text, change text, division_code text, certified_on text, note text)`;
  for (const f of files) {
    const stream = await sql`COPY floor_copy FROM STDIN WITH (FORMAT csv, HEADER true)`.writable();
    await pipeline(createReadStream(f.file), stream);
  }
  await sql`CREATE TABLE floor_people (id_number text, name text, division_code text)`;
  await sql`CREATE TABLE floor_rolls (id_number text, category text, certified_on text)`;
  await sql`CREATE TABLE floor_categories (id_number text, category text)`;
  const t = performance.now();
  await sql`INSERT INTO floor_people SELECT DISTINCT ON (id_number) id_number, name, division_code FROM floor_copy`;
  await sql`INSERT INTO floor_rolls SELECT id_number, category, certified_on FROM floor_copy`;
  await sql`INSERT INTO floor_categories SELECT DISTINCT ON (id_number) id_number, category FROM floor_copy`;
  const seconds = (performance.now() - t) / 1000;
  await sql`DROP TABLE floor_copy, floor_people, floor_rolls, floor_categories`;
  return seconds;
}

async function runMonth(db: Db, sql: postgres.Sql, label: string, month: string, files: MonthFiles): Promise<MonthFigures> {
  const rows = files.reduce((s, f) => s + f.rows, 0);
  const mb = files.reduce((s, f) => s + statSync(f.file).size, 0) / 1024 / 1024;
  process.stderr.write(`${label}: ${rows} rows (${mb.toFixed(0)} MB)\n`);
  const copy = await bareCopy(sql, files);
  const memory = trackPeakRss();
  let t = performance.now();
  for (const f of files) {
    const ctx = { db, actor: systemActor(f.department, "430524000000") };
    const r = await importRoster(ctx, { department: f.department, month, path: f.file, fileName: path.basename(f.file) });
    if (r.rejected.length) throw new Error(`import rejected rows: ${JSON.stringify(r.rejected.slice(0, 3))}`);
  }
  const importS = (performance.now() - t) / 1000;
  t = performance.now();
  const c = await consolidateMonth({ db, actor: systemActor("medical_security", "430524000000") }, month);
  const consolidate = (performance.now() - t) / 1000;
  const peak = memory.stop();
  return { label, rows, mb, copy, importS, consolidate, peak, persons: c.persons, conflicts: c.conflicts, added: c.added, removed: c.removed, changed: c.changed };
}

function printMonth(m: MonthFigures) {
  const n = (x: number) => x.toLocaleString("en-US");
  const line = (name: string, s: number) => `| ${name.padEnd(34)} | ${s.toFixed(2).padStart(8)} s | ${(s / m.copy).toFixed(1).padStart(6)} × | ${n(Math.round(m.rows / s)).padStart(12)} rows/s |`;
  console.log(`\n${m.label}: ${n(m.rows)} rows (${m.mb.toFixed(0)} MB), ${n(m.persons)} persons, ${n(m.conflicts)} conflicts; categories +${n(m.added)} −${n(m.removed)} ~${n(m.changed)} (PostgreSQL)\n`);
  console.log("| step                               |     time   |  × COPY  |         rate        |");
  console.log("|------------------------------------|------------|----------|---------------------|");
  console.log(line("baseline: COPY into a bare table", m.copy));
  console.log(line("import (validate, stage, apply)", m.importS));
  console.log(line("consolidation", m.consolidate));
  console.log(line("import + consolidation", m.importS + m.consolidate));
  console.log(`peak RSS ${m.peak} MB`);
}
