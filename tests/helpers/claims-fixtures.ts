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
import { csvText, writeXlsxFile } from "@/lib/rosters/test-files";
import { CLAIM_COLUMN_KEYS, CLAIM_HEADERS } from "@/lib/claims/claim-columns";

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
  await activatePolicyVersion(ctx, ref, { activeFrom: opts.activeFrom });
  return ref;
}

export async function setCategory(db: Db, personId: string, category: string, from: string, to: string | null = null): Promise<void> {
  await db.insert(personCategories).values({ personId, category, fromDate: from, toDate: to, source: "test" });
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
};

export function claimCells(c: ClaimLine): string[] {
  return [
    c.externalId, c.person.idNumber, c.person.name, c.date, c.setting ?? "住院", c.hospital ?? "隆回县人民医院", c.level ?? "二级",
    c.special ?? "否", c.referred ?? "是", c.inCity ?? "是", c.total, c.scope, c.basic ?? "", c.critical ?? "", c.onApplication ?? "否",
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
