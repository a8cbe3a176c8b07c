CREATE TABLE "unenrolled_case_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"kind" text NOT NULL,
	"reason" text,
	"note" text,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "unenrolled_case_events" ADD CONSTRAINT "unenrolled_case_events_case_id_unenrolled_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."unenrolled_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unenrolled_case_events_case" ON "unenrolled_case_events" USING btree ("case_id","at");--> statement-breakpoint
-- Cases closed before this table existed: their close becomes the first event.
INSERT INTO "unenrolled_case_events" ("case_id", "kind", "reason", "note", "actor_id", "at")
SELECT "id", 'closed', "reason", "note", "closed_by", coalesce("closed_at", "created_at") FROM "unenrolled_cases" WHERE "status" = 'closed';
