-- A published quarterly notice (季度公示, docs/policy.md §7) is never edited:
-- what hung on the village board is what the archive shows. The use cases
-- refuse it; this trigger refuses it too, for any statement of any role, so a
-- bug or a hand-written UPDATE cannot rewrite a published notice or its rows.
-- A correction is a new notice that references the old one.
CREATE OR REPLACE FUNCTION notices_refuse_published_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'notice % is published and cannot be changed (%): issue a correction notice instead', OLD.id, TG_OP
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER notices_published_frozen
  BEFORE UPDATE OR DELETE ON notices
  FOR EACH ROW EXECUTE FUNCTION notices_refuse_published_change();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION notice_rows_refuse_published_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target uuid;
BEGIN
  IF TG_OP = 'INSERT' THEN
    target := NEW.notice_id;
  ELSE
    target := OLD.notice_id;
  END IF;
  IF EXISTS (SELECT 1 FROM notices WHERE id = target AND status = 'published')
     OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM notices WHERE id = NEW.notice_id AND status = 'published')) THEN
    RAISE EXCEPTION 'rows of published notice % cannot be changed (%)', target, TG_OP
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER notice_rows_published_frozen
  BEFORE INSERT OR UPDATE OR DELETE ON notice_rows
  FOR EACH ROW EXECUTE FUNCTION notice_rows_refuse_published_change();
