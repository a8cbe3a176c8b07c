import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

// The State Council's holiday schedule, one version per correction: the
// calendar in force for a year is its latest version. Seeded from the
// schedules shipped in lib/calendar/schedules; an administrator loads a new
// year (or corrects one) through the admin page.
export const holidaySchedules = pgTable(
  "holiday_schedules",
  {
    year: integer("year").notNull(),
    version: integer("version").notNull(),
    /** A lib/calendar YearSchedule, validated by yearScheduleSchema. */
    schedule: jsonb("schedule").$type<Record<string, unknown>>().notNull(),
    note: text("note"),
    loadedBy: uuid("loaded_by"),
    loadedAt: timestamp("loaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.year, t.version] })],
);

export type HolidayScheduleRow = typeof holidaySchedules.$inferSelect;
