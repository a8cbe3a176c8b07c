-- 办理时效 pre-aggregated (db/queries/application-timeliness.ts,
-- lib/applications/get-timeliness.ts). The view used to turn every case of a
-- division and year into its step facts on each request (30,673 cases a year
-- in the bench: ≈ 300–600 ms). Now the facts are kept per acceptance year and
-- township, grouped as the view needs them, and a request sums a few hundred
-- rows:
--   application_timeliness_facts: per (year, township, step) the finished
--     steps by the working days they took, and the open ones by due date and
--     whether their clock is suspended (overdue is decided on reading, against
--     that day's date, so the rows do not age);
--   application_timeliness_changes: an append-only log, one row per
--     statement and (year, township) whose cases or 退回补正 transitions
--     changed, written by the triggers below in the same transaction as the
--     change, whatever path the write takes;
--   application_timeliness_sources: per (year, township) the working-day
--     calendar (its fingerprint) the facts were counted with; the row is also
--     the lock that keeps two refreshes of one township apart.
-- A read first refreshes each (year, township) of its scope that has a logged
-- change or was counted with another calendar: under the source row's lock it
-- takes the change rows it can see, recounts the township's facts from the
-- cases (a later statement, so it sees every change those rows stand for),
-- and deletes exactly those change rows. A change committed meanwhile keeps
-- its row and is recounted by the next read. Writers never wait for a read
-- (the log is append-only); refreshes of one township wait for each other.

CREATE TABLE application_timeliness_facts (
  year smallint NOT NULL,
  township_code varchar(12) NOT NULL,
  step text NOT NULL,
  done boolean NOT NULL,
  used_days integer,
  due_on date,
  paused boolean NOT NULL,
  cases integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX application_timeliness_facts_scope ON application_timeliness_facts (year, township_code);
--> statement-breakpoint
CREATE TABLE application_timeliness_changes (
  id bigserial PRIMARY KEY,
  year smallint NOT NULL,
  township_code varchar(12) NOT NULL
);
--> statement-breakpoint
CREATE INDEX application_timeliness_changes_scope ON application_timeliness_changes (year, township_code);
--> statement-breakpoint
CREATE TABLE application_timeliness_sources (
  year smallint NOT NULL,
  township_code varchar(12) NOT NULL,
  calendar text,
  PRIMARY KEY (year, township_code)
);
--> statement-breakpoint
-- Every (year, township) with cases starts as changed: the first read counts it.
INSERT INTO application_timeliness_changes (year, township_code)
SELECT DISTINCT year, township_code FROM applications ORDER BY 1, 2;
--> statement-breakpoint
CREATE FUNCTION application_timeliness_cases_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO application_timeliness_changes (year, township_code)
    SELECT DISTINCT n.year, n.township_code FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO application_timeliness_changes (year, township_code)
    SELECT DISTINCT o.year, o.township_code FROM old_rows o;
  ELSE
    -- Only the columns the facts are counted from.
    INSERT INTO application_timeliness_changes (year, township_code)
    SELECT DISTINCT c.year, c.township_code
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    CROSS JOIN LATERAL (VALUES (o.year, o.township_code), (n.year, n.township_code)) AS c(year, township_code)
    WHERE (o.year, o.township_code, o.state, o.accepted_on, o.forwarded_on, o.approved_on, o.paid_on, o.refused_on, o.due_on, o.clock_paused_on)
          IS DISTINCT FROM
          (n.year, n.township_code, n.state, n.accepted_on, n.forwarded_on, n.approved_on, n.paid_on, n.refused_on, n.due_on, n.clock_paused_on);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER application_timeliness_cases_insert AFTER INSERT ON applications
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION application_timeliness_cases_changed();
--> statement-breakpoint
CREATE TRIGGER application_timeliness_cases_update AFTER UPDATE ON applications
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION application_timeliness_cases_changed();
--> statement-breakpoint
CREATE TRIGGER application_timeliness_cases_delete AFTER DELETE ON applications
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION application_timeliness_cases_changed();
--> statement-breakpoint
-- The paused days of the township step come from the 退回补正 transitions (a
-- return up to the next resume or refusal): any change to those marks the case's township.
CREATE FUNCTION application_timeliness_transitions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO application_timeliness_changes (year, township_code)
    SELECT DISTINCT a.year, a.township_code FROM new_rows t JOIN applications a ON a.id = t.application_id
    WHERE t.action IN ('return_for_documents', 'resume_review', 'refuse');
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO application_timeliness_changes (year, township_code)
    SELECT DISTINCT a.year, a.township_code FROM old_rows t JOIN applications a ON a.id = t.application_id
    WHERE t.action IN ('return_for_documents', 'resume_review', 'refuse');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER application_timeliness_transitions_insert AFTER INSERT ON application_transitions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION application_timeliness_transitions_changed();
--> statement-breakpoint
CREATE TRIGGER application_timeliness_transitions_update AFTER UPDATE ON application_transitions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION application_timeliness_transitions_changed();
--> statement-breakpoint
CREATE TRIGGER application_timeliness_transitions_delete AFTER DELETE ON application_transitions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION application_timeliness_transitions_changed();
