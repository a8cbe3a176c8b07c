import { and, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { apiTokens, applications, divisions, notices, paymentBatches, people, users } from "../schema";

// The names of the objects the audit page shows (a case number instead of a
// uuid). One query per kind of object on the page, by primary key; ids that
// cannot be a key of that table (a uuid column, a serial) are left out, so no
// cast fails. People come back with their name in clear: the use case masks it.

export type ObjectRef = { type: string; id: string };
export type ObjectNames = Map<string, string>; // `${type}:${id}` → name

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SERIAL = /^\d{1,9}$/;
const CODE = /^\d{12}$/;

export async function auditObjectNames(db: Db, refs: readonly ObjectRef[]): Promise<ObjectNames> {
  const ids = (type: string, shape: RegExp) => [...new Set(refs.filter((r) => r.type === type && shape.test(r.id)).map((r) => r.id))];
  const out: ObjectNames = new Map();
  const put = (type: string, rows: { id: string | number; name: string }[]) => rows.forEach((r) => out.set(`${type}:${r.id}`, r.name));
  const jobs: Promise<void>[] = [];
  const user = ids("user", UUID);
  if (user.length) jobs.push(db.select({ id: users.id, name: sql<string>`${users.displayName} || '（' || ${users.username} || '）'` }).from(users).where(inArray(users.id, user)).then((r) => put("user", r)));
  const person = ids("person", UUID);
  if (person.length) jobs.push(db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, person)).then((r) => put("person", r)));
  const application = ids("application", UUID);
  if (application.length) jobs.push(db.select({ id: applications.id, name: applications.caseNo }).from(applications).where(inArray(applications.id, application)).then((r) => put("application", r)));
  const notice = ids("notice", UUID);
  if (notice.length) {
    jobs.push(
      db.select({ id: notices.id, name: sql<string>`${notices.townshipName} || ${notices.villageName} || ' ' || ${notices.year} || '年第' || ${notices.quarter} || '季度公示'` })
        .from(notices).where(inArray(notices.id, notice)).then((r) => put("notice", r)),
    );
  }
  const batch = ids("payment_batch", SERIAL).map(Number);
  if (batch.length) jobs.push(db.select({ id: paymentBatches.id, name: paymentBatches.batchNo }).from(paymentBatches).where(inArray(paymentBatches.id, batch)).then((r) => put("payment_batch", r)));
  const token = ids("api_token", SERIAL).map(Number);
  if (token.length) jobs.push(db.select({ id: apiTokens.id, name: apiTokens.name }).from(apiTokens).where(inArray(apiTokens.id, token)).then((r) => put("api_token", r)));
  const division = ids("division", CODE);
  if (division.length) jobs.push(db.select({ id: divisions.code, name: divisions.name }).from(divisions).where(and(inArray(divisions.code, division), isNull(divisions.validTo))).then((r) => put("division", r)));
  await Promise.all(jobs);
  return out;
}
