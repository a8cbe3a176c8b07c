import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, asc, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "@/db/client";
import type { DbConfig } from "@/db/config";
import { openIdNumber } from "@/db/queries/people-ids";
import { auditLog, divisions, people, personCategories } from "@/db/schema";
import { divisionsListCommand } from "@/cli/commands/divisions-list";
import { personShowCommand } from "@/cli/commands/person-show";
import type { CliCommand } from "@/cli/command";
import { runCli } from "@/cli/run-cli";
import { maskIdNumber } from "@/lib/id-number/id-number";
import { drivers, dropScratch } from "../helpers/scratch-db";
import { seededDb } from "../helpers/seeded";

// `person show` and `divisions list` (docs/cli.md) read through the same use
// cases as the pages: as the command-line actor, with its permissions, and
// person show's read audited as people.view like the person's page.

async function run(config: DbConfig, command: CliCommand, args: string[]) {
  const saved = { url: process.env.DATABASE_URL, dir: process.env.DATA_DIR };
  if (config.kind === "postgres") process.env.DATABASE_URL = config.url;
  else {
    delete process.env.DATABASE_URL;
    process.env.DATA_DIR = config.dataDir;
  }
  const stdout: string[] = [];
  const stderr: string[] = [];
  try {
    const io = { stdout: (t: string) => void stdout.push(t), stderr: (t: string) => void stderr.push(t), readText: async () => "" };
    const code = await runCli([command], [...command.name.split(" "), ...args], io);
    return { code, stdout: stdout.join(""), stderr: stderr.join("") };
  } finally {
    if (saved.url === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved.url;
    if (saved.dir === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = saved.dir;
  }
}

describe.each(drivers())("CLI database commands through the use cases (%s)", (driver) => {
  let config: DbConfig;
  let person: { id: string; idNumber: string };

  // The CLI opens the database itself (an embedded folder admits one process), so the test's own handle is open only between runs.
  async function withHandle<T>(fn: (h: DbHandle) => Promise<T>): Promise<T> {
    const h = await openDb(config);
    try {
      return await fn(h);
    } finally {
      await h.close();
    }
  }

  beforeAll(async () => {
    const s = await seededDb(driver);
    config = s.config;
    const [row] = await s.handle.db.select().from(people).orderBy(asc(people.id)).limit(1);
    person = { id: row!.id, idNumber: openIdNumber(row!) };
    // A category history to show: one closed and one open entry.
    await s.handle.db.insert(personCategories).values([
      { personId: person.id, category: "dibao", fromDate: "2026-01-01", toDate: "2026-06-30", source: "civil_affairs 2026-01" },
      { personId: person.id, category: "tekun", fromDate: "2026-07-01", toDate: null, source: "civil_affairs 2026-07" },
    ]);
    await s.handle.close();
  });
  afterAll(async () => {
    await dropScratch(config);
  });

  it("person show prints the masked ID, the category on the date and the history, and audits the read as people.view by cli", async () => {
    const r = await run(config, personShowCommand, [person.idNumber, "--on", "2026-03-15"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      idNumber: maskIdNumber(person.idNumber),
      category: "dibao",
      history: [
        { category: "dibao", from: "2026-01-01", to: "2026-06-30", source: "civil_affairs 2026-01" },
        { category: "tekun", from: "2026-07-01", to: null, source: "civil_affairs 2026-07" },
      ],
    });
    expect(r.stdout).not.toContain(person.idNumber);
    const audits = await withHandle((h) =>
      h.db.select().from(auditLog).where(and(eq(auditLog.action, "people.view"), eq(auditLog.objectId, person.id))),
    );
    expect(audits).toMatchObject([{ username: "cli", userId: null, department: "medical_security", outcome: "success", objectType: "person" }]);
  });

  it("person show answers an unknown number with the contract's line, and writes no read audit", async () => {
    const unknown = "110101199003074514"; // valid, not in the demo county
    const before = await withHandle(async (h) => (await h.db.select().from(auditLog).where(eq(auditLog.action, "people.view"))).length);
    const r = await run(config, personShowCommand, [unknown]);
    expect(r).toMatchObject({ code: 1, stdout: "", stderr: "ID: no person with this ID number in the database\n" });
    const after = await withHandle(async (h) => (await h.db.select().from(auditLog).where(eq(auditLog.action, "people.view"))).length);
    expect(after).toBe(before);
  });

  it("first removes what a killed import left in the temp folders (a gone process's upload folder and exceljs copy), nothing of a live one", async () => {
    const parent = mkdtempSync(path.join(tmpdir(), "cli-sweep-"));
    const saved = { upload: process.env.UPLOAD_TMPDIR, tmp: process.env.TMPDIR };
    process.env.UPLOAD_TMPDIR = parent;
    process.env.TMPDIR = parent;
    try {
      const uploads = path.join(parent, `portal-uploads-${process.getuid?.() ?? "u"}`);
      mkdirSync(uploads, { recursive: true, mode: 0o700 });
      const dead = 2_147_483_000; // no such process
      mkdirSync(path.join(uploads, `claims-${dead}-abc123`));
      writeFileSync(path.join(uploads, `claims-${dead}-abc123`, "upload.xlsx"), "姓名,身份证号");
      writeFileSync(path.join(parent, `tmp-${dead}-XyZ`), "worksheet copy");
      mkdirSync(path.join(uploads, `rosters-${process.pid}-live99`)); // this process's: kept
      const r = await run(config, divisionsListCommand, ["--level", "county"]);
      expect(r.code).toBe(0);
      expect(readdirSync(uploads)).toEqual([`rosters-${process.pid}-live99`]);
      expect(readdirSync(parent).filter((n) => n.startsWith("tmp-"))).toEqual([]);
    } finally {
      if (saved.upload === undefined) delete process.env.UPLOAD_TMPDIR;
      else process.env.UPLOAD_TMPDIR = saved.upload;
      if (saved.tmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved.tmp;
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it("divisions list prints every division in force, and one level with --level", async () => {
    const current = await withHandle((h) => h.db.select().from(divisions).where(isNull(divisions.validTo)).orderBy(asc(divisions.code)));
    const all = await run(config, divisionsListCommand, []);
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout)).toEqual(current.map((d) => ({ code: d.code, name: d.name, level: d.level, parent: d.parentCode })));
    const townships = await run(config, divisionsListCommand, ["--level", "township"]);
    const listed = JSON.parse(townships.stdout) as { level: string }[];
    expect(listed.length).toBe(current.filter((d) => d.level === "township").length);
    expect(new Set(listed.map((d) => d.level))).toEqual(new Set(["township"]));
  });
});
