ALTER TABLE "enrolment_imports" ADD COLUMN "tier1" numeric(14, 2);--> statement-breakpoint
-- Imports made before: the tier-1 standard of a tier-1 enrolment of the same
-- import, as the subsidy run used to look it up (a file holds one standard).
UPDATE "enrolment_imports" i SET "tier1" = (
  SELECT t."contribution" FROM "enrolments" t WHERE t."import_id" = i."id" AND t."tier" = 1 LIMIT 1
) WHERE i."tier1" IS NULL;
