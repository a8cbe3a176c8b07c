CREATE TABLE "notice_objections" (
	"id" uuid PRIMARY KEY DEFAULT portal_uuid7() NOT NULL,
	"notice_id" uuid NOT NULL,
	"application_id" uuid,
	"objector" text,
	"objector_contact" text,
	"content" text NOT NULL,
	"received_on" date NOT NULL,
	"channel" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" text,
	"outcome_reason" text,
	"handled_by" uuid,
	"handled_on" date,
	CONSTRAINT "notice_objections_handled" CHECK (("notice_objections"."outcome" IS NULL) = ("notice_objections"."handled_on" IS NULL) AND ("notice_objections"."outcome" IS NULL OR "notice_objections"."outcome_reason" IS NOT NULL)),
	CONSTRAINT "notice_objections_upheld_case" CHECK ("notice_objections"."outcome" IS DISTINCT FROM 'upheld' OR "notice_objections"."application_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "notice_rows" (
	"id" serial PRIMARY KEY NOT NULL,
	"notice_id" uuid NOT NULL,
	"seq" smallint NOT NULL,
	"application_id" uuid NOT NULL,
	"masked_name" text NOT NULL,
	"village_name" text NOT NULL,
	"category_name" text NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"approved_on" date NOT NULL,
	CONSTRAINT "notice_rows_seq" UNIQUE("notice_id","seq")
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" uuid PRIMARY KEY DEFAULT portal_uuid7() NOT NULL,
	"township_code" varchar(12) NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"township_name" text NOT NULL,
	"village_name" text NOT NULL,
	"year" smallint NOT NULL,
	"quarter" smallint NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"issuer" text,
	"contact_phone" text,
	"objection_channel" text,
	"objection_to" text,
	"published_on" date,
	"window_start" date,
	"window_end" date,
	"posting_working_days" smallint,
	"corrects_notice_id" uuid,
	"correction_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	CONSTRAINT "notices_quarter" CHECK ("notices"."quarter" BETWEEN 1 AND 4),
	CONSTRAINT "notices_published_complete" CHECK ("notices"."status" <> 'published' OR ("notices"."published_on" IS NOT NULL AND "notices"."window_start" IS NOT NULL AND "notices"."window_end" IS NOT NULL AND "notices"."window_end" >= "notices"."window_start" AND "notices"."issuer" IS NOT NULL AND "notices"."contact_phone" IS NOT NULL AND "notices"."objection_channel" IS NOT NULL AND "notices"."objection_to" IS NOT NULL)),
	CONSTRAINT "notices_correction_reason" CHECK (("notices"."corrects_notice_id" IS NULL) = ("notices"."correction_reason" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_rows" ADD CONSTRAINT "notice_rows_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_rows" ADD CONSTRAINT "notice_rows_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_corrects_notice_id_notices_id_fk" FOREIGN KEY ("corrects_notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notice_objections_notice" ON "notice_objections" USING btree ("notice_id");--> statement-breakpoint
CREATE INDEX "notice_objections_application" ON "notice_objections" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "notice_rows_application" ON "notice_rows" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notices_village_quarter" ON "notices" USING btree ("village_code","year","quarter") WHERE "notices"."corrects_notice_id" IS NULL;--> statement-breakpoint
CREATE INDEX "notices_township_quarter" ON "notices" USING btree ("township_code","year","quarter");--> statement-breakpoint
CREATE INDEX "notices_window" ON "notices" USING btree ("window_end","window_start") WHERE "notices"."status" = 'published';