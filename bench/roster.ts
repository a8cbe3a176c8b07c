import { randomBytes } from "node:crypto";
import { createReadStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import postgres from "postgres";
import { setupDatabase } from "@/db/setup";
import { listCurrentDivisions } from "@/db/queries/divisions";
import { systemActor } from "@/lib/auth/system-actor";
import { ROSTER_DEPARTMENTS } from "@/lib/departments/departments";
import { consolidateMonth } from "@/lib/rosters/consolidate-month";
import { importRoster } from "@/lib/rosters/import-roster";
import { scratchPostgres } from "./lib/bench-database";
import { trackPeakRss } from "./lib/peak-memory";
import { writeDepartmentFile } from "./lib/roster-rows";

// `npm run bench -- roster [--rows N]`: N (default 1,000,000) roster rows over
// four departments, imported and consolidated through the real use cases on a
// real PostgreSQL, beside PostgreSQL's own COPY of the same files into a bare
// table in the same run. Target (issue 4): import + consolidation within 3×
// the bare COPY, peak memory under 400 MB. It also prints the floor: the
// rows an import must keep (people, rolls, categories) written into three bare
// tables — already more than 3× the COPY on this machine; README "Benchmarks".

export default async function rosterBench(args: string[]) {
  // ID numbers are sealed and hashed as in production; a scratch database needs only throwaway keys.
  process.env.PORTAL_DATA_KEY ||= randomBytes(32).toString("base64");
  process.env.PORTAL_INDEX_KEY ||= randomBytes(32).toString("base64");
  const i = args.indexOf("--rows");
  const total = i >= 0 ? Number(args[i + 1]) : 1_000_000;
  const dir = mkdtempSync(path.join(tmpdir(), "bench-roster-"));
  const db = await scratchPostgres("roster");
  try {
    await setupDatabase(db.handle, { seed: false });
    await setupDatabase(db.handle); // divisions and accounts of the demo county: the rows' villages must be known
    const villages = (await listCurrentDivisions(db.handle.db, { level: "village" })).map((d) => d.code);
    const files: { department: (typeof ROSTER_DEPARTMENTS)[number]; file: string; rows: number }[] = [];
    for (const department of ROSTER_DEPARTMENTS) {
      const file = path.join(dir, `${department}.csv`);
      files.push({ department, file, rows: await writeDepartmentFile(file, department, total, villages) });
    }
    const rows = files.reduce((s, f) => s + f.rows, 0);
    const mb = files.reduce((s, f) => s + statSync(f.file).size, 0) / 1024 / 1024;
    process.stderr.write(`generated ${rows} rows (${mb.toFixed(0)} MB) in ${dir}\n`);

    // Baseline: PostgreSQL's COPY of the same bytes into a bare table.
    const sql = postgres(db.url, { onnotice: () => {}, max: 1 });
    await sql`CREATE TABLE bare_copy (id_number text, name text, category text, change text, division_code text, certified_on text, note text)`;
    let t = performance.now();
    for (const f of files) {
      const stream = await sql`COPY bare_copy FROM STDIN WITH (FORMAT csv, HEADER true)`.writable();
      await pipeline(createReadStream(f.file), stream);
    }
    const copySeconds = (performance.now() - t) / 1000;

    // The floor under any import that keeps a register of people, the
    // departments' rolls and the consolidated categories: the same rows
    // merely written into three bare tables (no index, no constraint, no
    // check, no history), by INSERT … SELECT from the COPY above.
    await sql`CREATE TABLE floor_people (id_number text, name text, division_code text)`;
    await sql`CREATE TABLE floor_rolls (id_number text, category text, certified_on text)`;
    await sql`CREATE TABLE floor_categories (id_number text, category text)`;
    t = performance.now();
    await sql`INSERT INTO floor_people SELECT DISTINCT ON (id_number) id_number, name, division_code FROM bare_copy`;
    await sql`INSERT INTO floor_rolls SELECT id_number, category, certified_on FROM bare_copy`;
    await sql`INSERT INTO floor_categories SELECT DISTINCT ON (id_number) id_number, category FROM bare_copy`;
    const floorSeconds = (performance.now() - t) / 1000;
    await sql`DROP TABLE bare_copy, floor_people, floor_rolls, floor_categories`;
    await sql.end();

    const memory = trackPeakRss();
    t = performance.now();
    for (const f of files) {
      const ctx = { db: db.handle.db, actor: systemActor(f.department, "430524000000") };
      const r = await importRoster(ctx, { department: f.department, month: "2026-11", path: f.file, fileName: path.basename(f.file) });
      if (r.rejected.length) throw new Error(`import rejected rows: ${JSON.stringify(r.rejected.slice(0, 3))}`);
    }
    const importSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const c = await consolidateMonth({ db: db.handle.db, actor: systemActor("medical_security", "430524000000") }, "2026-11");
    const consolidateSeconds = (performance.now() - t) / 1000;
    const peak = memory.stop();

    const both = importSeconds + consolidateSeconds;
    const line = (name: string, s: number) => `| ${name.padEnd(34)} | ${s.toFixed(2).padStart(8)} s | ${Math.round(rows / s).toLocaleString("en-US").padStart(12)} rows/s |`;
    console.log(`\nroster benchmark: ${rows.toLocaleString("en-US")} rows, 4 departments, ${c.persons.toLocaleString("en-US")} persons, ${c.conflicts.toLocaleString("en-US")} conflicts (PostgreSQL)\n`);
    console.log("| step                               |     time   |         rate        |");
    console.log("|------------------------------------|------------|---------------------|");
    console.log(line("baseline: COPY into a bare table", copySeconds));
    console.log(line("floor: same rows, 3 bare tables", floorSeconds));
    console.log(line("import (validate, stage, apply)", importSeconds));
    console.log(line("consolidation", consolidateSeconds));
    console.log(line("import + consolidation", both));
    console.log(`\nimport + consolidation = ${(both / copySeconds).toFixed(1)} × bare COPY (target ≤ 3×); peak RSS ${peak} MB (target < 400 MB)`);
    console.log(`floor (people, rolls, categories written bare, before any check or index) = ${(floorSeconds / copySeconds).toFixed(1)} × bare COPY`);
  } finally {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
