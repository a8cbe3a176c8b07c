CREATE TABLE "application_attachments" (
	"id" uuid PRIMARY KEY DEFAULT portal_uuid7() NOT NULL,
	"application_id" uuid NOT NULL,
	"item" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"storage_key" varchar(64) NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_attachments_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "application_attachments_size" CHECK ("application_attachments"."size_bytes" > 0)
);
--> statement-breakpoint
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_attachments_case" ON "application_attachments" USING btree ("application_id","uploaded_at");