import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { departmentMemberships, rosterSubmissions } from "../schema";
import type { Db, Tx } from "../client";

// A person's entries on each department's roll, with the lists that opened
// and closed them: the evidence behind the consolidated category history.

const opened = alias(rosterSubmissions, "opened");
const closed = alias(rosterSubmissions, "closed");

export async function personMemberships(db: Db | Tx, personId: string) {
  return db
    .select({
      id: departmentMemberships.id,
      department: departmentMemberships.department,
      category: departmentMemberships.category,
      certifiedOn: departmentMemberships.certifiedOn,
      fromDate: departmentMemberships.fromDate,
      toDate: departmentMemberships.toDate,
      openedMonth: opened.month,
      openedFile: opened.fileName,
      closedMonth: closed.month,
      closedFile: closed.fileName,
    })
    .from(departmentMemberships)
    .leftJoin(opened, eq(opened.id, departmentMemberships.openedBy))
    .leftJoin(closed, eq(closed.id, departmentMemberships.closedBy))
    .where(eq(departmentMemberships.personId, personId))
    .orderBy(asc(departmentMemberships.department), asc(departmentMemberships.fromDate), asc(departmentMemberships.id));
}
