CREATE TABLE "monitoring_flags" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"rule_id" text NOT NULL,
	"policy_version_id" integer NOT NULL,
	"category" text NOT NULL,
	"figure" numeric(14, 2) NOT NULL,
	"threshold" numeric(14, 2) NOT NULL,
	"basis" text NOT NULL,
	"claim_ids" jsonb NOT NULL,
	"raised_on" date NOT NULL,
	"latest_figure" numeric(14, 2) NOT NULL,
	"latest_flagged" text DEFAULT 'yes' NOT NULL,
	"evaluated_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"outcome_reason" text,
	"closed_on" date,
	"closed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_flags_once" UNIQUE("person_id","year","rule_id"),
	CONSTRAINT "monitoring_flags_closed" CHECK (("monitoring_flags"."status" = 'closed') = ("monitoring_flags"."outcome" IS NOT NULL AND "monitoring_flags"."closed_on" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "monitoring_flags" ADD CONSTRAINT "monitoring_flags_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_flags" ADD CONSTRAINT "monitoring_flags_policy_version_id_policy_versions_id_fk" FOREIGN KEY ("policy_version_id") REFERENCES "public"."policy_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monitoring_flags_open" ON "monitoring_flags" USING btree ("status","year");