import { date, index, pgTable, serial, text, unique, varchar } from "drizzle-orm/pg-core";

// Administrative divisions with validity dates: a renamed or merged division
// gets a new row and the old one an end date, so history stays readable.
export const divisions = pgTable(
  "divisions",
  {
    id: serial("id").primaryKey(),
    code: varchar("code", { length: 12 }).notNull(),
    name: text("name").notNull(),
    level: text("level", { enum: ["province", "city", "county", "township", "village"] }).notNull(),
    parentCode: varchar("parent_code", { length: 12 }),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to"),
  },
  (t) => [unique("divisions_code_from").on(t.code, t.validFrom), index("divisions_parent").on(t.parentCode)],
);

export type DivisionRow = typeof divisions.$inferSelect;
export type NewDivisionRow = typeof divisions.$inferInsert;
