import { chmodSync, readdirSync, readFileSync, statSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { resealIdNumbers } from "@/db/id-at-rest";
import { idHashOf, openIdNumber, sealedIdColumns } from "@/db/queries/people-ids";
import { findPersonByIdNumber } from "@/db/queries/people-lookup";
import { people } from "@/db/schema";
import { migrateDatabase } from "@/db/setup";
import { setupDatabase } from "@/seed/setup-database";
import { keysRotateCommand } from "@/cli/commands/keys-rotate";
import { idCrypto } from "@/lib/crypto/data-keys";
import { dataKey, openId, parseKey } from "@/lib/crypto/id-cipher";
import { findPersonByIdNumberWithin } from "@/lib/people/find-person-by-id-number";
import { importRoster } from "@/lib/rosters/import-roster";
import { csvText, syntheticId, tempDir } from "@/tests/helpers/roster-files";
import { drivers, dropScratch, scratchConfig, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// ID numbers at rest: no clear ID in any column or (embedded database) any
// byte of the data folder; lookup and uniqueness through the blind index;
// clear rows of an older database sealed at setup; key rotation.

const HEADER = ["身份证号", "姓名", "类别", "变动", "区划代码", "认定日期", "备注"];
const NEW_PERSON = syntheticId(910_001);
const ID_PATTERN = /\d{17}[\dX]/g;
const key = (byte: number) => Buffer.alloc(32, byte).toString("base64");

async function importOne(s: Scratch, dir: Awaited<ReturnType<typeof tempDir>>) {
  const file = dir.file("one.csv");
  await writeFile(file, "\ufeff" + csvText([HEADER, [NEW_PERSON, "周新民", "低保对象", "新增", "430524100201", "2026-09-15", ""]]), "utf8");
  const r = await importRoster(await contextOf(s, "minzheng.clerk"), { department: "civil_affairs", month: "2026-10", path: file, fileName: "one.csv" });
  expect(r).toMatchObject({ accepted: 1, added: 1, rejected: [] });
}

/** Every person's clear ID, opened from its ciphertext. */
async function knownIds(s: Scratch): Promise<Set<string>> {
  const rows = await s.handle.db.select({ idSealed: people.idSealed }).from(people);
  return new Set(rows.map((r) => openIdNumber(r)));
}

describe.each(drivers())("ID numbers at rest on %s", (driver) => {
  let s: Scratch;
  let files: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    s = await seededDb(driver);
    files = await tempDir();
    await importOne(s, files);
  });
  afterAll(async () => {
    await s?.drop();
    await files?.remove();
  });

  it("stores no clear ID in any column of people: id_number is empty, the rest sealed or hashed", async () => {
    const ids = await knownIds(s);
    expect(ids.size).toBeGreaterThan(3000);
    expect(ids.has(NEW_PERSON)).toBe(true);
    const rows = await s.handle.raw.query<{ row: string; clear: string | null }>("select row_to_json(p)::text as row, p.id_number as clear from people p");
    expect(rows.filter((r) => r.clear !== null)).toEqual([]);
    const leaked = rows.flatMap((r) => (r.row.match(ID_PATTERN) ?? []).filter((m) => ids.has(m)));
    expect(leaked).toEqual([]);
  });

  it("finds a person by full ID through the blind index, only within the user's jurisdiction, and keeps IDs unique", async () => {
    const found = await findPersonByIdNumber(s.handle.db, NEW_PERSON);
    expect(found).toMatchObject({ name: "周新民", idNumber: NEW_PERSON, divisionCode: "430524100201" });
    expect(await findPersonByIdNumberWithin(await contextOf(s, "yibao.clerk"), ` ${NEW_PERSON} `)).toBe(found!.id);
    const [outside] = await s.handle.db.select().from(people).where(like(people.divisionCode, "430524102%")).limit(1);
    const outsideId = openIdNumber(outside!);
    const township = await contextOf(s, "taohong.clerk"); // 桃洪镇 430524100000
    await expect(findPersonByIdNumberWithin(township, outsideId)).rejects.toMatchObject({ field: "idNumber", message: "本辖区没有该身份证号的登记人员" });
    await expect(findPersonByIdNumberWithin(township, NEW_PERSON.slice(0, 10))).rejects.toMatchObject({ field: "idNumber", message: expect.stringMatching(/完整的18位/) });
    const twin = { ...sealedIdColumns(NEW_PERSON), name: "重复", sex: "male" as const, birthDate: "1990-01-01", divisionCode: "430524100201" };
    await expect(s.handle.db.insert(people).values(twin)).rejects.toThrow();
  });

  it("seals the clear IDs of a database from before encryption at setup, and the person is found again", async () => {
    const legacy = syntheticId(910_002);
    await s.handle.raw.query(
      "insert into people (id_number, name, sex, birth_date, division_code) values ($1, '旧数据', 'female', '1960-01-01', '430524100201')",
      [legacy],
    );
    await migrateDatabase(s.handle);
    const [row] = await s.handle.raw.query<{ id_number: string | null; id_hash: string }>("select id_number, id_hash from people where name = '旧数据'");
    expect(row).toEqual({ id_number: null, id_hash: idHashOf(legacy) });
    expect((await findPersonByIdNumber(s.handle.db, legacy))?.name).toBe("旧数据");
  });

  it("rotates the data key: every row re-sealed, readable with the new key alone, not with the retired one", async () => {
    const before = await knownIds(s);
    const old = process.env.PORTAL_DATA_KEY!;
    process.env.PORTAL_DATA_KEY = key(7);
    process.env.PORTAL_DATA_KEY_OLD = old;
    try {
      const r = await resealIdNumbers(s.handle);
      expect(r).toMatchObject({ people: before.size, resealed: before.size, rehashed: 0 });
      expect(await resealIdNumbers(s.handle)).toMatchObject({ resealed: 0 }); // nothing left to do
      delete process.env.PORTAL_DATA_KEY_OLD; // retired
      expect(await knownIds(s)).toEqual(before);
      const [one] = await s.handle.db.select({ idSealed: people.idSealed }).from(people).limit(1);
      expect(() => openId([dataKey(parseKey(old, "old"))], one!.idSealed!)).toThrow(/no data key/);
    } finally {
      process.env.PORTAL_DATA_KEY = old;
      process.env.PORTAL_DATA_KEY_OLD = key(7);
      await resealIdNumbers(s.handle); // back to the suite's key for the other files' fixtures
      delete process.env.PORTAL_DATA_KEY_OLD;
    }
  });
});


function walk(dir: string): { path: string; dir: boolean; mode: number }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    const entry = { path: p, dir: e.isDirectory(), mode: statSync(p).mode & 0o777 };
    return e.isDirectory() ? [entry, ...walk(p)] : [entry];
  });
}

describe("the embedded database's folder", () => {
  let dataDir: string;
  let files: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    const config = await scratchConfig("pglite");
    if (config.kind !== "pglite") throw new Error("pglite expected");
    dataDir = config.dataDir;
    files = await tempDir();
    const handle = await openDb(config);
    await setupDatabase(handle, { kinds: ["reference", "demo-base"] });
    await importOne({ handle, config, drop: async () => {} }, files);
    await handle.raw.query("CHECKPOINT");
    await handle.close();
    // As a version before this one left them: world-readable (the next open narrows them).
    chmodSync(dataDir, 0o755);
    chmodSync(path.join(dataDir, "PG_VERSION"), 0o666);
  });
  afterAll(async () => {
    await dropScratch({ kind: "pglite", dataDir });
    await files?.remove();
  });

  it("holds no clear ID number of a seeded or imported person in any byte, WAL included", async () => {
    const handle = await openDb({ kind: "pglite", dataDir });
    const ids = await knownIds({ handle, config: handle.config, drop: async () => {} });
    await handle.close();
    expect(ids.has(NEW_PERSON)).toBe(true);
    const all = walk(dataDir).filter((e) => !e.dir);
    expect(all.some((e) => e.path.includes("pg_wal"))).toBe(true);
    const leaked = new Set<string>();
    for (const f of all) for (const m of readFileSync(f.path).toString("latin1").match(ID_PATTERN) ?? []) if (ids.has(m)) leaked.add(`${path.relative(dataDir, f.path)}: ${m}`);
    expect([...leaked].slice(0, 5)).toEqual([]);
  });

  it("is readable by its owner only: folders 0700, files 0600, while open and after, also files an older version left wider", async () => {
    const open = await openDb({ kind: "pglite", dataDir });
    const wide = (es: ReturnType<typeof walk>) => es.filter((e) => e.mode !== (e.dir ? 0o700 : 0o600));
    expect(wide(walk(dataDir))).toEqual([]);
    await open.close();
    const entries = walk(dataDir);
    expect(entries.length).toBeGreaterThan(10);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(entries.filter((e) => e.mode !== (e.dir ? 0o700 : 0o600))).toEqual([]);
  });

  it("rotates keys from the command line (`keys rotate`) on the embedded database, TOTP secrets included", async () => {
    const saved = { url: process.env.DATABASE_URL, dir: process.env.DATA_DIR, key: process.env.PORTAL_DATA_KEY };
    // A manager's second factor, sealed with the key about to be retired.
    const TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    const before = await openDb({ kind: "pglite", dataDir });
    try {
      await before.raw.query("insert into user_totp (user_id, secret_sealed, enabled_at) select id, $1, now() from users where username = 'yibao.manager'", [
        idCrypto().seal(TOTP_SECRET),
      ]);
    } finally {
      await before.close();
    }
    delete process.env.DATABASE_URL;
    process.env.DATA_DIR = dataDir;
    process.env.PORTAL_DATA_KEY = key(9);
    process.env.PORTAL_DATA_KEY_OLD = saved.key;
    const out: string[] = [];
    try {
      const io = { stdout: (t: string) => void out.push(t), stderr: (t: string) => void out.push(t), readText: async () => "" };
      expect(await keysRotateCommand.run([], io)).toBe(0);
      expect(JSON.parse(out[0]!)).toMatchObject({ resealed: expect.any(Number), rehashed: 0 });
      expect(JSON.parse(out[0]!).resealed).toBeGreaterThan(3000);
      expect(JSON.parse(out[0]!).secondFactors).toBe(1);
      delete process.env.PORTAL_DATA_KEY_OLD;
      out.length = 0;
      expect(await keysRotateCommand.run([], io)).toBe(0); // the new key alone opens every row
      expect(JSON.parse(out[0]!)).toMatchObject({ resealed: 0, secondFactors: 0 });
      // Each run leaves an audit row naming the key it sealed to and how many rows it renewed.
      const check = await openDb({ kind: "pglite", dataDir });
      try {
        const rows = await check.raw.query<{ object_id: string; detail: { resealed: number } }>(
          "select object_id, detail from audit_log where action = 'keys.rotate' order by id",
        );
        // The second factor still works with the new key alone.
        const [totp] = await check.raw.query<{ secret_sealed: string }>("select secret_sealed from user_totp");
        expect(idCrypto().open(totp!.secret_sealed)).toBe(TOTP_SECRET);
        expect(rows.map((r) => [r.object_id, r.detail.resealed > 3000 ? "many" : r.detail.resealed])).toEqual([
          [dataKey(parseKey(key(9), "new")).id, "many"],
          [dataKey(parseKey(key(9), "new")).id, 0],
        ]);
      } finally {
        await check.close();
      }
    } finally {
      delete process.env.PORTAL_DATA_KEY_OLD;
      process.env.PORTAL_DATA_KEY = saved.key;
      if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
      if (saved.dir === undefined) delete process.env.DATA_DIR;
      else process.env.DATA_DIR = saved.dir;
    }
  });
});
