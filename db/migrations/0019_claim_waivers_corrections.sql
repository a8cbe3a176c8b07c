ALTER TABLE "claims" DROP CONSTRAINT "claims_external_id";--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "hospital_waived" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "commercial_paid" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "superseded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "superseded_by" uuid;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_superseded_by_claims_id_fk" FOREIGN KEY ("superseded_by") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "claims_external_id_current" ON "claims" USING btree ("external_id") WHERE "claims"."superseded_at" is null;