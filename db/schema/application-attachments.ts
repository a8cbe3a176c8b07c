import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { applications } from "./applications";

// Scanned documents of an application (身份证件, 认定证明, 病历 …): the file
// itself lives outside the database and outside the web root, in the
// attachments folder (lib/applications/attachments/attachment-store.ts), under
// `storage_key` — a random id, never the user's file name. The user's name is
// kept only to be shown and offered on download. The content type is what the
// file's first bytes say (PDF, JPEG or PNG), not what the browser claimed.

export const applicationAttachments = pgTable(
  "application_attachments",
  {
    id: uuid("id").primaryKey().default(sql`portal_uuid7()`),
    applicationId: uuid("application_id").notNull().references(() => applications.id),
    /** The checklist item (lib/applications/domain/documents.ts) or "other". */
    item: text("item", { enum: ["identity", "certification", "diagnosis", "history", "receipts", "other"] }).notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type", { enum: ["application/pdf", "image/jpeg", "image/png"] }).notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: varchar("sha256", { length: 64 }).notNull(),
    storageKey: varchar("storage_key", { length: 64 }).notNull().unique(),
    uploadedBy: uuid("uploaded_by"),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("application_attachments_case").on(t.applicationId, t.uploadedAt),
    check("application_attachments_size", sql`${t.sizeBytes} > 0`),
  ],
);
