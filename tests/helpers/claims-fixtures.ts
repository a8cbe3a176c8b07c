// Helpers for the claims tests: a policy put in force the way a manager does it
// (copy a stored preset, edit the draft, activate: the real use cases with
// their validation and audit), categories, test residents, and real
// settlement-record files.
import { writeFile } from "node:fs/promises";
import iconv from "iconv-lite";
import { and, like, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { byIdNumber, withIdNumbers } from "@/db/queries/people-ids";
import { claims, people, personCategories } from "@/db/schema";
import { systemActor } from "@/lib/auth/domain/system-actor";
import { activatePolicyVersion } from "@/lib/policies/activate-policy-version";
import { copyPolicyVersion } from "@/lib/policies/copy-policy-version";
import { getPreset } from "@/lib/policies/domain/preset-registry";
import { savePolicyDraft } from "@/lib/policies/save-policy-draft";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import path from "node:path";
import { CATEGORY_INFO, type Category } from "@/lib/categories/categories";
import type { RosterDepartment } from "@/lib/departments/departments";
import { consolidateMonth } from "@/lib/rosters/consolidate-month";
import { importRoster } from "@/lib/rosters/import-roster";
import { csvText, tempDir, writeXlsxFile } from "@/tests/helpers/roster-files";
import { CLAIM_COLUMN_KEYS, CLAIM_HEADERS } from "@/lib/claims/domain/claim-columns";

const ROSTER_HEADER = ["身份证号", "姓名", "类别", "变动", "区划代码", "认定日期", "备注"];

export const CLAIM_FILE_HEADER = CLAIM_COLUMN_KEYS.map((k) => CLAIM_HEADERS[k]);

/**
 * A preset's stored version (seeded as reference data) copied to `policyId`
 * (default `<preset>-test`; its next version), edited, and activated for the
 * county `division` from `activeFrom` — as a 医保 manager there would.
 */
export async function activatePolicy(
  db: Db,
  opts: { preset: string; division: string; activeFrom: string; policyId?: string; version?: number; edit?: (r: PolicyRecord) => void },
): Promise<{ policyId: string; version: number }> {
  const ctx = { db, actor: systemActor("medical_security", opts.division, "manager") };
  const policyId = opts.policyId ?? `${opts.preset}-test`;
  const name = getPreset(opts.preset)!.name;
  const ref = await copyPolicyVersion(ctx, { policyId: opts.preset, version: 1 }, { targetPolicyId: policyId, name });
  if (opts.version !== undefined && ref.version !== opts.version) throw new Error(`${policyId}: the copy became version ${ref.version}, not ${opts.version}`);
  if (opts.edit) {
    const record = structuredClone(getPreset(opts.preset)!);
    Object.assign(record, { id: policyId, version: ref.version, name });
    opts.edit(record);
    await savePolicyDraft(ctx, ref, { json: JSON.stringify(record) });
  }
  await activatePolicyVersion(ctx, ref, { activeFrom: opts.activeFrom, confirmOverlap: true });
  return ref;
}

/**
 * `who` hold `category` from `from` (a month's first day) on: the certifying
 * department's roster for that month names them as 新增 (roster import), and
 * 医保 consolidates the month — the way a category comes to be. One list per
 * call (a month's second list would correct the first).
 */
export async function setCategory(db: Db, who: TestPerson | readonly TestPerson[], category: Category, from: string): Promise<void> {
  const persons = Array.isArray(who) ? who : [who as TestPerson];
  if (!from.endsWith("-01")) throw new Error(`setCategory: ${from} is not a month's first day`);
  const month = from.slice(0, 7);
  const info = CATEGORY_INFO[category];
  const department = info.certifiedBy as RosterDepartment;
  const dir = await tempDir();
  try {
    const file = dir.file(`${department}-${month}.csv`);
    const rows = persons.map((p) => [p.idNumber, p.name, info.name, "新增", p.divisionCode, from, ""]);
    await writeFile(file, "\ufeff" + csvText([ROSTER_HEADER, ...rows]), "utf8");
    const county = `${persons[0]!.divisionCode.slice(0, 6)}000000`;
    const imported = await importRoster({ db, actor: systemActor(department, county) }, { department, month, path: file, fileName: path.basename(file) });
    if (imported.rejected.length) throw new Error(`setCategory: roster refused: ${JSON.stringify(imported.rejected[0])}`);
    await consolidateMonth({ db, actor: systemActor("medical_security", county) }, month);
  } finally {
    await dir.remove();
  }
}

export type TestPerson = { id: string; idNumber: string; name: string; divisionCode: string };

/** `n` residents of a division prefix (demo county) who hold no category and have no claims, in a stable order. */
export async function residents(db: Db, prefix: string, n: number, skip = 0): Promise<TestPerson[]> {
  const rows = await db
    .select({ id: people.id, idSealed: people.idSealed, name: people.name, divisionCode: people.divisionCode })
    .from(people)
    .where(
      and(
        like(people.divisionCode, `${prefix}%`),
        sql`not exists (select 1 from ${personCategories} pc where pc.person_id = ${people.id})`,
        sql`not exists (select 1 from ${claims} c where c.person_id = ${people.id})`,
      ),
    )
    .then(withIdNumbers);
  return rows.sort(byIdNumber).slice(skip, skip + n); // ID order, opened first: sealed IDs have none in SQL
}

export type ClaimLine = {
  externalId: string;
  person: { idNumber: string; name: string };
  date: string;
  setting?: "住院" | "门诊";
  hospital?: string;
  level?: string;
  special?: "是" | "否";
  referred?: "是" | "否";
  inCity?: "是" | "否";
  total: string;
  scope: string;
  basic?: string;
  critical?: string;
  onApplication?: "是" | "否";
  /** 医疗机构减免 and 商业补充保险赔付, yuan; empty when not given. */
  waived?: string;
  commercial?: string;
};

export function claimCells(c: ClaimLine): string[] {
  return [
    c.externalId, c.person.idNumber, c.person.name, c.date, c.setting ?? "住院", c.hospital ?? "隆回县人民医院", c.level ?? "二级",
    c.special ?? "否", c.referred ?? "是", c.inCity ?? "是", c.total, c.scope, c.basic ?? "", c.critical ?? "", c.onApplication ?? "否",
    c.waived ?? "", c.commercial ?? "",
  ];
}

export async function writeGb18030Csv(path: string, rows: readonly (readonly string[])[]): Promise<string> {
  await writeFile(path, iconv.encode(csvText([CLAIM_FILE_HEADER, ...rows]), "gb18030"));
  return path;
}

export async function writeClaimsXlsx(path: string, rows: readonly (readonly string[])[]): Promise<string> {
  await writeXlsxFile(path, [CLAIM_FILE_HEADER, ...rows], { sheets: ["结算记录"] });
  return path;
}
