CREATE TABLE "application_claims" (
	"application_id" uuid NOT NULL,
	"claim_id" uuid NOT NULL,
	CONSTRAINT "application_claims_once" UNIQUE("application_id","claim_id")
);
--> statement-breakpoint
CREATE TABLE "application_documents" (
	"application_id" uuid NOT NULL,
	"item" text NOT NULL,
	"status" text NOT NULL,
	"due_on" date,
	"waive_reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_documents_item" UNIQUE("application_id","item"),
	CONSTRAINT "application_documents_waived" CHECK ("application_documents"."status" <> 'waived' OR "application_documents"."waive_reason" IS NOT NULL),
	CONSTRAINT "application_documents_missing" CHECK ("application_documents"."status" <> 'missing' OR "application_documents"."due_on" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "application_transitions" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_id" uuid,
	"on_date" date NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT portal_uuid7() NOT NULL,
	"case_no" varchar(40) NOT NULL,
	"person_id" uuid NOT NULL,
	"township_code" varchar(12) NOT NULL,
	"year" smallint NOT NULL,
	"accepted_on" date NOT NULL,
	"state" text DEFAULT 'accepted' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"urgent_reason" text,
	"filer_kind" text NOT NULL,
	"filer_name" text,
	"filer_relation" text,
	"phone_sealed" text,
	"phone_tail" varchar(4),
	"bank_holder_sealed" text,
	"bank_name" text,
	"bank_account_sealed" text,
	"bank_account_tail" varchar(4),
	"diagnosis_summary" text,
	"category" text,
	"policy_version_id" integer,
	"joint_meeting" boolean DEFAULT false NOT NULL,
	"clock_step" text,
	"clock_started_on" date,
	"clock_used_before" smallint DEFAULT 0 NOT NULL,
	"clock_paused_on" date,
	"due_on" date,
	"forwarded_on" date,
	"approved_on" date,
	"computed_amount" numeric(14, 2),
	"approved_amount" numeric(14, 2),
	"override_reason" text,
	"joint_meeting_on" date,
	"joint_meeting_departments" jsonb,
	"paid_amount" numeric(14, 2),
	"paid_on" date,
	"refusal_reason" text,
	"refused_on" date,
	"notified_on" date,
	"notified_channel" text,
	"accepted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_case_no_unique" UNIQUE("case_no"),
	CONSTRAINT "applications_urgent_reason" CHECK (NOT "applications"."urgent" OR "applications"."urgent_reason" IS NOT NULL),
	CONSTRAINT "applications_filer_relation" CHECK ("applications"."filer_kind" <> 'family' OR "applications"."filer_relation" IS NOT NULL),
	CONSTRAINT "applications_amounts" CHECK (coalesce("applications"."computed_amount", 0) >= 0 AND coalesce("applications"."approved_amount", 0) >= 0 AND coalesce("applications"."paid_amount", 0) >= 0),
	CONSTRAINT "applications_paid" CHECK (("applications"."state" = 'paid') = ("applications"."paid_on" IS NOT NULL)),
	CONSTRAINT "applications_refused" CHECK ("applications"."state" <> 'refused' OR "applications"."refusal_reason" IS NOT NULL),
	CONSTRAINT "applications_override" CHECK ("applications"."approved_amount" IS NULL OR "applications"."approved_amount" = "applications"."computed_amount" OR "applications"."override_reason" IS NOT NULL OR "applications"."joint_meeting")
);
--> statement-breakpoint
CREATE TABLE "household_surveys" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"surveyed_on" date NOT NULL,
	"visitors" text NOT NULL,
	"findings" text NOT NULL,
	"household_situation" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_batch_lines" (
	"id" serial PRIMARY KEY NOT NULL,
	"batch_id" integer NOT NULL,
	"application_id" uuid NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"paid_on" date,
	"bank_reference" text,
	"failure_reason" text,
	CONSTRAINT "payment_batch_lines_amount" CHECK ("payment_batch_lines"."amount" > 0),
	CONSTRAINT "payment_batch_lines_paid" CHECK (("payment_batch_lines"."status" = 'paid') = ("payment_batch_lines"."paid_on" IS NOT NULL AND "payment_batch_lines"."bank_reference" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "payment_batches" (
	"id" serial PRIMARY KEY NOT NULL,
	"batch_no" varchar(40) NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"created_on" date NOT NULL,
	"created_by" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_batches_batch_no_unique" UNIQUE("batch_no")
);
--> statement-breakpoint
ALTER TABLE "application_claims" ADD CONSTRAINT "application_claims_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_claims" ADD CONSTRAINT "application_claims_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_transitions" ADD CONSTRAINT "application_transitions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_policy_version_id_policy_versions_id_fk" FOREIGN KEY ("policy_version_id") REFERENCES "public"."policy_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_surveys" ADD CONSTRAINT "household_surveys_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batch_lines" ADD CONSTRAINT "payment_batch_lines_batch_id_payment_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."payment_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batch_lines" ADD CONSTRAINT "payment_batch_lines_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_claims_claim" ON "application_claims" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "application_transitions_case" ON "application_transitions" USING btree ("application_id","id");--> statement-breakpoint
CREATE INDEX "applications_township_queue" ON "applications" USING btree ("township_code","state","urgent","due_on");--> statement-breakpoint
CREATE INDEX "applications_state_queue" ON "applications" USING btree ("state","urgent","due_on");--> statement-breakpoint
CREATE INDEX "applications_person_year" ON "applications" USING btree ("person_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_batch_lines_one_live" ON "payment_batch_lines" USING btree ("application_id") WHERE "payment_batch_lines"."status" <> 'failed';--> statement-breakpoint
CREATE INDEX "payment_batch_lines_batch" ON "payment_batch_lines" USING btree ("batch_id");