CREATE TABLE "application_receipts" (
	"id" uuid PRIMARY KEY DEFAULT portal_uuid7() NOT NULL,
	"application_id" uuid NOT NULL,
	"receipt_no" varchar(64) NOT NULL,
	"claim_date" date NOT NULL,
	"setting" text NOT NULL,
	"hospital_name" text NOT NULL,
	"hospital_level" smallint NOT NULL,
	"special_disease" boolean DEFAULT false NOT NULL,
	"referred" boolean DEFAULT true NOT NULL,
	"in_city" boolean DEFAULT true NOT NULL,
	"total_cost" numeric(14, 2) NOT NULL,
	"policy_scope_cost" numeric(14, 2) NOT NULL,
	"basic_paid" numeric(14, 2),
	"critical_paid" numeric(14, 2),
	"entered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_receipts_no" UNIQUE("application_id","receipt_no"),
	CONSTRAINT "application_receipts_scope" CHECK ("application_receipts"."policy_scope_cost" <= "application_receipts"."total_cost" AND "application_receipts"."policy_scope_cost" >= 0)
);
--> statement-breakpoint
ALTER TABLE "application_receipts" ADD CONSTRAINT "application_receipts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_receipts_case" ON "application_receipts" USING btree ("application_id");