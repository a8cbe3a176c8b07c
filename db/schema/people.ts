import { sql } from "drizzle-orm";
import { check, date, index, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";

// A person known to the portal (from rosters, enrolment or claims). The URL
// key is the uuid, never the ID number. `divisionCode` is the village of
// household registration and drives jurisdiction scoping.
//
// Ids are time-ordered (UUID version 7 layout, portal_uuid7() in migration
// 0003): a roster registering a million people appends to the primary key's
// right edge instead of touching a random page per row. They still say
// nothing about the person. People are never deleted (trigger
// people_no_delete): claims, rolls and category history refer to them.
export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().default(sql`portal_uuid7()`),
    // The ID number at rest (lib/crypto/id-cipher.ts): AES-256-GCM with the
    // key id in front, and a keyed blind index for lookup and uniqueness. The
    // clear column stays only for databases made before encryption: setup
    // encrypts such rows and empties it (db/id-at-rest.ts).
    idNumber: varchar("id_number", { length: 18 }),
    // Nullable only for those legacy rows; the check allows clear or sealed, never both.
    idHash: varchar("id_hash", { length: 64 }).unique(),
    idSealed: text("id_sealed"),
    name: text("name").notNull(),
    sex: text("sex", { enum: ["male", "female"] }).notNull(),
    birthDate: date("birth_date").notNull(),
    divisionCode: varchar("division_code", { length: 12 }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("people_division").on(t.divisionCode, t.id),
    check("people_id_at_rest", sql`(${t.idNumber} IS NULL) = (${t.idHash} IS NOT NULL AND ${t.idSealed} IS NOT NULL)`),
  ],
);

export type PersonRow = typeof people.$inferSelect;
export type NewPersonRow = typeof people.$inferInsert;
