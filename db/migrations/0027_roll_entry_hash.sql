ALTER TABLE "consolidation_conflicts" DROP CONSTRAINT "consolidation_conflicts_consolidation_id_consolidations_id_fk";
--> statement-breakpoint
ALTER TABLE "consolidation_conflicts" DROP CONSTRAINT "consolidation_conflicts_person_id_people_id_fk";
--> statement-breakpoint
ALTER TABLE "consolidations" ADD COLUMN "recomputed" integer;--> statement-breakpoint
ALTER TABLE "department_memberships" ADD COLUMN "person_key" bigint;--> statement-breakpoint
ALTER TABLE "department_memberships" ADD COLUMN "entry_hash" bigint;--> statement-breakpoint
-- An open roll entry's entry_hash stands for the register's name and village
-- as they were when an import wrote it (db/schema/rosters.ts): when either
-- changes (a correction of the register), or the blind index is first set,
-- the person's open entries lose it, so the next list's rows for them go the
-- full way, where the register is compared.
CREATE OR REPLACE FUNCTION people_register_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE department_memberships SET entry_hash = NULL
  WHERE person_id = NEW.id AND to_date IS NULL AND entry_hash IS NOT NULL;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS people_register_changed ON people;
--> statement-breakpoint
CREATE TRIGGER people_register_changed AFTER UPDATE OF name, division_code, id_hash ON people
FOR EACH ROW
WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.division_code IS DISTINCT FROM NEW.division_code OR OLD.id_hash IS DISTINCT FROM NEW.id_hash)
EXECUTE FUNCTION people_register_changed();
