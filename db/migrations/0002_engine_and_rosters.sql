CREATE TABLE "policy_activations" (
	"id" serial PRIMARY KEY NOT NULL,
	"division_code" varchar(12) NOT NULL,
	"version_id" integer NOT NULL,
	"active_from" date NOT NULL,
	"activated_by" uuid,
	"activated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"policy_id" varchar(64) NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"based_on" varchar(64),
	"record" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_versions_id_version" UNIQUE("policy_id","version")
);
--> statement-breakpoint
CREATE TABLE "holiday_schedules" (
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"schedule" jsonb NOT NULL,
	"note" text,
	"loaded_by" uuid,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "holiday_schedules_year_version_pk" PRIMARY KEY("year","version")
);
--> statement-breakpoint
CREATE TABLE "claim_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" varchar(64) NOT NULL,
	"rows" integer NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claim_imports_file_sha256_unique" UNIQUE("file_sha256")
);
--> statement-breakpoint
CREATE TABLE "claim_settlements" (
	"id" serial PRIMARY KEY NOT NULL,
	"claim_id" uuid NOT NULL,
	"category" text NOT NULL,
	"policy_version_id" integer NOT NULL,
	"basic" numeric(14, 2) NOT NULL,
	"critical" numeric(14, 2) NOT NULL,
	"assistance" numeric(14, 2) NOT NULL,
	"tilted" numeric(14, 2) NOT NULL,
	"self_paid" numeric(14, 2) NOT NULL,
	"trace" jsonb NOT NULL,
	"settled_by" uuid,
	"settled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" varchar(64) NOT NULL,
	"person_id" uuid NOT NULL,
	"claim_date" date NOT NULL,
	"setting" text NOT NULL,
	"hospital_name" text NOT NULL,
	"hospital_level" smallint NOT NULL,
	"special_disease" boolean DEFAULT false NOT NULL,
	"referred" boolean DEFAULT true NOT NULL,
	"in_city" boolean DEFAULT true NOT NULL,
	"on_application" boolean DEFAULT false NOT NULL,
	"total_cost" numeric(14, 2) NOT NULL,
	"policy_scope_cost" numeric(14, 2) NOT NULL,
	"out_of_scope_cost" numeric(14, 2) NOT NULL,
	"basic_paid" numeric(14, 2),
	"critical_paid" numeric(14, 2),
	"import_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claims_external_id" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "consolidation_conflicts" (
	"id" serial PRIMARY KEY NOT NULL,
	"consolidation_id" integer NOT NULL,
	"person_id" uuid NOT NULL,
	"candidates" jsonb NOT NULL,
	"chosen" text NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consolidations" (
	"id" serial PRIMARY KEY NOT NULL,
	"month" varchar(7) NOT NULL,
	"policy_version_id" integer,
	"persons" integer NOT NULL,
	"by_category" jsonb NOT NULL,
	"conflicts" integer NOT NULL,
	"added" integer NOT NULL,
	"removed" integer NOT NULL,
	"changed" integer NOT NULL,
	"run_by" uuid,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "department_memberships" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"department" text NOT NULL,
	"category" text NOT NULL,
	"certified_on" date NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"opened_by" integer,
	"closed_by" integer
);
--> statement-breakpoint
CREATE TABLE "person_categories" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"category" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"source" text NOT NULL,
	"consolidation_id" integer
);
--> statement-breakpoint
CREATE TABLE "roster_submissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"department" text NOT NULL,
	"month" varchar(7) NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" varchar(64) NOT NULL,
	"rows" integer NOT NULL,
	"added" integer NOT NULL,
	"removed" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roster_submissions_content" UNIQUE("department","month","file_sha256")
);
--> statement-breakpoint
CREATE TABLE "enrolment_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" varchar(64) NOT NULL,
	"rows" integer NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrolment_imports_content" UNIQUE("year","file_sha256")
);
--> statement-breakpoint
CREATE TABLE "enrolments" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"tier" smallint DEFAULT 1 NOT NULL,
	"contribution" numeric(14, 2) NOT NULL,
	"paid_on" date NOT NULL,
	"fee_exempt" text DEFAULT 'no' NOT NULL,
	"import_id" integer,
	CONSTRAINT "enrolments_person_year" UNIQUE("person_id","year")
);
--> statement-breakpoint
CREATE TABLE "subsidies" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"category" text NOT NULL,
	"policy_version_id" integer,
	"subsidy" numeric(14, 2) NOT NULL,
	"personal" numeric(14, 2) NOT NULL,
	"funding" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subsidies_person_year" UNIQUE("person_id","year")
);
--> statement-breakpoint
CREATE TABLE "unenrolled_cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"township_code" varchar(12) NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reason" text,
	"note" text,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unenrolled_person_year" UNIQUE("person_id","year")
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"prefix" varchar(12) NOT NULL,
	"actions" jsonb NOT NULL,
	"user_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "policy_activations" ADD CONSTRAINT "policy_activations_version_id_policy_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."policy_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_settlements" ADD CONSTRAINT "claim_settlements_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_settlements" ADD CONSTRAINT "claim_settlements_policy_version_id_policy_versions_id_fk" FOREIGN KEY ("policy_version_id") REFERENCES "public"."policy_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_import_id_claim_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."claim_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consolidation_conflicts" ADD CONSTRAINT "consolidation_conflicts_consolidation_id_consolidations_id_fk" FOREIGN KEY ("consolidation_id") REFERENCES "public"."consolidations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consolidation_conflicts" ADD CONSTRAINT "consolidation_conflicts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consolidations" ADD CONSTRAINT "consolidations_policy_version_id_policy_versions_id_fk" FOREIGN KEY ("policy_version_id") REFERENCES "public"."policy_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "department_memberships" ADD CONSTRAINT "department_memberships_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "department_memberships" ADD CONSTRAINT "department_memberships_opened_by_roster_submissions_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."roster_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "department_memberships" ADD CONSTRAINT "department_memberships_closed_by_roster_submissions_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."roster_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_categories" ADD CONSTRAINT "person_categories_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_categories" ADD CONSTRAINT "person_categories_consolidation_id_consolidations_id_fk" FOREIGN KEY ("consolidation_id") REFERENCES "public"."consolidations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_import_id_enrolment_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."enrolment_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidies" ADD CONSTRAINT "subsidies_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidies" ADD CONSTRAINT "subsidies_policy_version_id_policy_versions_id_fk" FOREIGN KEY ("policy_version_id") REFERENCES "public"."policy_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unenrolled_cases" ADD CONSTRAINT "unenrolled_cases_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policy_activations_division" ON "policy_activations" USING btree ("division_code","active_from");--> statement-breakpoint
CREATE INDEX "claim_settlements_claim" ON "claim_settlements" USING btree ("claim_id","superseded_at");--> statement-breakpoint
CREATE INDEX "claims_person_date" ON "claims" USING btree ("person_id","claim_date");--> statement-breakpoint
CREATE INDEX "consolidation_conflicts_run" ON "consolidation_conflicts" USING btree ("consolidation_id");--> statement-breakpoint
CREATE INDEX "consolidations_month" ON "consolidations" USING btree ("month");--> statement-breakpoint
CREATE INDEX "department_memberships_person" ON "department_memberships" USING btree ("person_id","to_date");--> statement-breakpoint
CREATE INDEX "department_memberships_dept" ON "department_memberships" USING btree ("department","to_date");--> statement-breakpoint
CREATE INDEX "person_categories_person" ON "person_categories" USING btree ("person_id","from_date");--> statement-breakpoint
CREATE INDEX "person_categories_open" ON "person_categories" USING btree ("to_date","category");--> statement-breakpoint
CREATE INDEX "roster_submissions_month" ON "roster_submissions" USING btree ("month");--> statement-breakpoint
CREATE INDEX "unenrolled_township" ON "unenrolled_cases" USING btree ("township_code","status");