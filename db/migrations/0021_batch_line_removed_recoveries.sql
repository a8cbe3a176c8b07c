CREATE TABLE "application_recoveries" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"reason" text NOT NULL,
	"paid_on" date NOT NULL,
	"created_on" date NOT NULL,
	"created_by" uuid,
	"recovered_on" date,
	"recovered_reference" text,
	"recovered_by" uuid,
	CONSTRAINT "application_recoveries_application_id_unique" UNIQUE("application_id"),
	CONSTRAINT "application_recoveries_amount" CHECK ("application_recoveries"."amount" > 0),
	CONSTRAINT "application_recoveries_recovered" CHECK (("application_recoveries"."recovered_on" IS NULL) = ("application_recoveries"."recovered_reference" IS NULL))
);
--> statement-breakpoint
DROP INDEX "payment_batch_lines_one_live";--> statement-breakpoint
ALTER TABLE "payment_batch_lines" ADD COLUMN "removed_reason" text;--> statement-breakpoint
ALTER TABLE "payment_batch_lines" ADD COLUMN "removed_on" date;--> statement-breakpoint
ALTER TABLE "payment_batch_lines" ADD COLUMN "removed_by" uuid;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD COLUMN "cancelled_on" date;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD COLUMN "cancelled_by" uuid;--> statement-breakpoint
ALTER TABLE "application_recoveries" ADD CONSTRAINT "application_recoveries_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_batch_lines_one_live" ON "payment_batch_lines" USING btree ("application_id") WHERE "payment_batch_lines"."status" NOT IN ('failed', 'removed');--> statement-breakpoint
ALTER TABLE "payment_batch_lines" ADD CONSTRAINT "payment_batch_lines_removed" CHECK (("payment_batch_lines"."status" = 'removed') = ("payment_batch_lines"."removed_reason" IS NOT NULL AND "payment_batch_lines"."removed_on" IS NOT NULL));--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_cancelled" CHECK (("payment_batches"."status" = 'cancelled') = ("payment_batches"."cancel_reason" IS NOT NULL AND "payment_batches"."cancelled_on" IS NOT NULL));