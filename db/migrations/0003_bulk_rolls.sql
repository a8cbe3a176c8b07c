-- Time-ordered person ids: the layout of UUID version 7 (RFC 9562) — 48 bits
-- of Unix milliseconds, version 7, then random bits from gen_random_uuid().
-- PostgreSQL 15 and PGlite have no uuidv7() yet. Ids made in the same
-- millisecond are not ordered among themselves; what matters is that a bulk
-- registration appends near the right edge of the primary key.
CREATE OR REPLACE FUNCTION portal_uuid7() RETURNS uuid
LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid())
              PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
              FROM 1 FOR 6),
      52, 1), 53, 1),
    'hex')::uuid
$$;
--> statement-breakpoint
ALTER TABLE "department_memberships" DROP CONSTRAINT "department_memberships_person_id_people_id_fk";
--> statement-breakpoint
ALTER TABLE "department_memberships" DROP CONSTRAINT "department_memberships_opened_by_roster_submissions_id_fk";
--> statement-breakpoint
ALTER TABLE "department_memberships" DROP CONSTRAINT "department_memberships_closed_by_roster_submissions_id_fk";
--> statement-breakpoint
ALTER TABLE "person_categories" DROP CONSTRAINT "person_categories_person_id_people_id_fk";
--> statement-breakpoint
ALTER TABLE "person_categories" DROP CONSTRAINT "person_categories_consolidation_id_consolidations_id_fk";
--> statement-breakpoint
ALTER TABLE "people" ALTER COLUMN "id" SET DEFAULT portal_uuid7();

--> statement-breakpoint
-- People are never deleted: claims, enrolment, rolls and the category history
-- refer to them (the two bulk tables without a foreign key among them, see
-- db/schema/rosters.ts). A person who leaves the rolls keeps their history.
CREATE OR REPLACE FUNCTION people_refuse_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'people are never deleted: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER people_no_delete
  BEFORE DELETE ON people
  FOR EACH ROW EXECUTE FUNCTION people_refuse_delete();
--> statement-breakpoint
CREATE TRIGGER people_no_truncate
  BEFORE TRUNCATE ON people
  FOR EACH STATEMENT EXECUTE FUNCTION people_refuse_delete();
