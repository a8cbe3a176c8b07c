ALTER TABLE "people" DROP CONSTRAINT "people_id_number_unique";--> statement-breakpoint
ALTER TABLE "people" ALTER COLUMN "id_number" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "id_hash" varchar(64);--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "id_sealed" text;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_id_hash_unique" UNIQUE("id_hash");--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_id_at_rest" CHECK (("people"."id_number" IS NULL) = ("people"."id_hash" IS NOT NULL AND "people"."id_sealed" IS NOT NULL));