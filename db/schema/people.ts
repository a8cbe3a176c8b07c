import { date, index, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";

// A person known to the portal (from rosters, enrolment or claims). The URL
// key is the uuid, never the ID number. `divisionCode` is the village of
// household registration and drives jurisdiction scoping.
export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    idNumber: varchar("id_number", { length: 18 }).notNull().unique(),
    name: text("name").notNull(),
    sex: text("sex", { enum: ["male", "female"] }).notNull(),
    birthDate: date("birth_date").notNull(),
    divisionCode: varchar("division_code", { length: 12 }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("people_division").on(t.divisionCode, t.id)],
);

export type PersonRow = typeof people.$inferSelect;
export type NewPersonRow = typeof people.$inferInsert;
