-- Pre-aggregated dashboard figures (docs/statistics.md, docs/scaling.md §5).
-- The dashboard's coverage, payments and subsidy figures read these summary
-- tables instead of scanning a county's people, categories and claims per
-- request. They are kept by triggers in the same transaction as every write
-- that changes them, whatever path the write takes (the claims import, a
-- re-settlement, a correction, consolidation, the enrolment import, a register
-- correction moving a person, bulk SQL): a statement-level trigger groups the
-- statement's changed rows (its transition tables) into a few summary rows
-- and adds them with INSERT … ON CONFLICT DO UPDATE. stats_rebuild()
-- recomputes every table from the raw ones (run once below, and by the
-- consistency test as the oracle's twin).

-- 三重制度支付: the current settlements (superseded_at IS NULL) of the claims,
-- by claim date (and by month), the claimant's village now, the settled
-- category and the setting. A period's whole months read the month table,
-- its partial months the day table.
CREATE TABLE stats_payments_day (
  claim_date date NOT NULL,
  division_code varchar(12) NOT NULL,
  category text NOT NULL,
  setting text NOT NULL,
  claims integer NOT NULL,
  total_cost numeric NOT NULL,
  policy_scope_cost numeric NOT NULL,
  basic numeric NOT NULL,
  critical numeric NOT NULL,
  assistance numeric NOT NULL,
  tilted numeric NOT NULL,
  self_paid numeric NOT NULL,
  PRIMARY KEY (division_code, claim_date, category, setting)
);
--> statement-breakpoint
CREATE TABLE stats_payments_month (
  month date NOT NULL,
  division_code varchar(12) NOT NULL,
  category text NOT NULL,
  setting text NOT NULL,
  claims integer NOT NULL,
  total_cost numeric NOT NULL,
  policy_scope_cost numeric NOT NULL,
  basic numeric NOT NULL,
  critical numeric NOT NULL,
  assistance numeric NOT NULL,
  tilted numeric NOT NULL,
  self_paid numeric NOT NULL,
  PRIMARY KEY (division_code, month, category, setting)
);
--> statement-breakpoint
-- 参保覆盖: each person's contribution as dated steps. On a date D a person
-- counts in the category valid that day (the latest starting row if two
-- overlap, as coverageGroupsRaw's DISTINCT ON) and as enrolled when they hold
-- an enrolment for D's year; the steps are +1 where such a state begins and
-- −1 where it ends, so Σ steps with on_date ≤ D is the figure on D.
-- stats_coverage_person keeps each person's steps (to take them back when the
-- person's rows change); stats_coverage_step holds their sums per village.
CREATE TABLE stats_coverage_person (
  person_id uuid NOT NULL,
  on_date date NOT NULL,
  category text NOT NULL,
  division_code varchar(12) NOT NULL,
  assisted integer NOT NULL,
  enrolled integer NOT NULL,
  PRIMARY KEY (person_id, on_date, category)
);
--> statement-breakpoint
CREATE TABLE stats_coverage_step (
  division_code varchar(12) NOT NULL,
  on_date date NOT NULL,
  category text NOT NULL,
  assisted integer NOT NULL,
  enrolled integer NOT NULL,
  PRIMARY KEY (division_code, on_date, category)
);
--> statement-breakpoint
-- 资助参保: subsidy rows by contribution year, village now and category; the
-- funding lines by source.
CREATE TABLE stats_subsidy_year (
  year integer NOT NULL,
  division_code varchar(12) NOT NULL,
  category text NOT NULL,
  people integer NOT NULL,
  subsidy numeric NOT NULL,
  personal numeric NOT NULL,
  PRIMARY KEY (division_code, year, category)
);
--> statement-breakpoint
CREATE TABLE stats_subsidy_source (
  year integer NOT NULL,
  division_code varchar(12) NOT NULL,
  source text NOT NULL,
  lines integer NOT NULL,
  amount numeric NOT NULL,
  PRIMARY KEY (division_code, year, source)
);
--> statement-breakpoint
-- The upsert of signed payment rows. `src` is a query of (claim_date,
-- division_code, category, setting, total_cost, policy_scope_cost, basic,
-- critical, assistance, tilted, self_paid, sign); a trigger function
-- EXECUTEs the text itself, because only it sees its transition tables.
CREATE FUNCTION stats_payments_sql(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($q$
  WITH d AS (
    SELECT r.claim_date, r.division_code, r.category, r.setting, sum(r.sign)::int AS claims,
           sum(r.sign * r.total_cost) AS total_cost, sum(r.sign * r.policy_scope_cost) AS policy_scope_cost,
           sum(r.sign * r.basic) AS basic, sum(r.sign * r.critical) AS critical, sum(r.sign * r.assistance) AS assistance,
           sum(r.sign * r.tilted) AS tilted, sum(r.sign * r.self_paid) AS self_paid
    FROM (%s) r
    GROUP BY 1, 2, 3, 4
  ), days AS (
    INSERT INTO stats_payments_day AS t
    SELECT * FROM d ORDER BY division_code, claim_date, category, setting
    ON CONFLICT (division_code, claim_date, category, setting) DO UPDATE SET
      claims = t.claims + excluded.claims, total_cost = t.total_cost + excluded.total_cost,
      policy_scope_cost = t.policy_scope_cost + excluded.policy_scope_cost, basic = t.basic + excluded.basic,
      critical = t.critical + excluded.critical, assistance = t.assistance + excluded.assistance,
      tilted = t.tilted + excluded.tilted, self_paid = t.self_paid + excluded.self_paid
  )
  INSERT INTO stats_payments_month AS t
  SELECT date_trunc('month', claim_date)::date, division_code, category, setting, sum(claims)::int, sum(total_cost), sum(policy_scope_cost),
         sum(basic), sum(critical), sum(assistance), sum(tilted), sum(self_paid)
  FROM d GROUP BY 1, 2, 3, 4 ORDER BY 2, 1, 3, 4
  ON CONFLICT (division_code, month, category, setting) DO UPDATE SET
    claims = t.claims + excluded.claims, total_cost = t.total_cost + excluded.total_cost,
    policy_scope_cost = t.policy_scope_cost + excluded.policy_scope_cost, basic = t.basic + excluded.basic,
    critical = t.critical + excluded.critical, assistance = t.assistance + excluded.assistance,
    tilted = t.tilted + excluded.tilted, self_paid = t.self_paid + excluded.self_paid
$q$, src)
$fn$;
--> statement-breakpoint
-- A settlement row's contribution: its claim's date, setting and costs and the claimant's village now.
CREATE FUNCTION stats_settlement_src(rows text, sign int) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($q$
  SELECT c.claim_date, p.division_code, s.category, c.setting, c.total_cost, c.policy_scope_cost,
         s.basic, s.critical, s.assistance, s.tilted, s.self_paid, %s AS sign
  FROM %s s JOIN claims c ON c.id = s.claim_id JOIN people p ON p.id = c.person_id
  WHERE s.superseded_at IS NULL
$q$, sign, rows)
$fn$;
--> statement-breakpoint
CREATE FUNCTION stats_claim_settlements_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE stats_payments_sql(stats_settlement_src('new_rows', 1));
  ELSIF TG_OP = 'UPDATE' THEN
    EXECUTE stats_payments_sql(stats_settlement_src('old_rows', -1) || ' UNION ALL ' || stats_settlement_src('new_rows', 1));
  ELSE
    EXECUTE stats_payments_sql(stats_settlement_src('old_rows', -1));
  END IF;
  RETURN NULL;
END;
$fn$;
--> statement-breakpoint
CREATE TRIGGER stats_claim_settlements_insert AFTER INSERT ON claim_settlements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_claim_settlements_changed();
--> statement-breakpoint
CREATE TRIGGER stats_claim_settlements_update AFTER UPDATE ON claim_settlements
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_claim_settlements_changed();
--> statement-breakpoint
CREATE TRIGGER stats_claim_settlements_delete AFTER DELETE ON claim_settlements
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_claim_settlements_changed();
--> statement-breakpoint
-- A claim's date, setting, costs or person are not rewritten by the product
-- (a correction supersedes the row); should SQL do it, its current settlement moves.
CREATE FUNCTION stats_claims_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE stats_payments_sql($q$
    SELECT o.claim_date, p.division_code, s.category, o.setting, o.total_cost, o.policy_scope_cost,
           s.basic, s.critical, s.assistance, s.tilted, s.self_paid, -1 AS sign
    FROM (SELECT ($1).*) o JOIN people p ON p.id = o.person_id JOIN claim_settlements s ON s.claim_id = o.id AND s.superseded_at IS NULL
    UNION ALL
    SELECT n.claim_date, p.division_code, s.category, n.setting, n.total_cost, n.policy_scope_cost,
           s.basic, s.critical, s.assistance, s.tilted, s.self_paid, 1
    FROM (SELECT ($2).*) n JOIN people p ON p.id = n.person_id JOIN claim_settlements s ON s.claim_id = n.id AND s.superseded_at IS NULL
  $q$) USING OLD, NEW;
  RETURN NULL;
END;
$fn$;
--> statement-breakpoint
CREATE TRIGGER stats_claims_update AFTER UPDATE ON claims FOR EACH ROW
  WHEN ((OLD.claim_date, OLD.setting, OLD.total_cost, OLD.policy_scope_cost, OLD.person_id) IS DISTINCT FROM (NEW.claim_date, NEW.setting, NEW.total_cost, NEW.policy_scope_cost, NEW.person_id))
  EXECUTE FUNCTION stats_claims_changed();
--> statement-breakpoint
-- The upsert of signed subsidy rows: `src` gives (year, division_code, category, subsidy, personal, funding, sign).
CREATE FUNCTION stats_subsidy_sql(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($q$
  WITH r AS (%s), y AS (
    INSERT INTO stats_subsidy_year AS t
    SELECT year, division_code, category, sum(sign)::int, sum(sign * subsidy), sum(sign * personal)
    FROM r GROUP BY 1, 2, 3 ORDER BY 2, 1, 3
    ON CONFLICT (division_code, year, category) DO UPDATE SET
      people = t.people + excluded.people, subsidy = t.subsidy + excluded.subsidy, personal = t.personal + excluded.personal
  )
  INSERT INTO stats_subsidy_source AS t
  SELECT r.year, r.division_code, x->>'source', sum(r.sign)::int, sum(r.sign * (x->>'amount')::numeric)
  FROM r CROSS JOIN LATERAL jsonb_array_elements(r.funding) x
  GROUP BY 1, 2, 3 ORDER BY 2, 1, 3
  ON CONFLICT (division_code, year, source) DO UPDATE SET lines = t.lines + excluded.lines, amount = t.amount + excluded.amount
$q$, src)
$fn$;
--> statement-breakpoint
CREATE FUNCTION stats_subsidy_src(rows text, sign int) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($q$
  SELECT s.year, p.division_code, s.category, s.subsidy, s.personal, s.funding, %s AS sign
  FROM %s s JOIN people p ON p.id = s.person_id
$q$, sign, rows)
$fn$;
--> statement-breakpoint
CREATE FUNCTION stats_subsidies_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE stats_subsidy_sql(stats_subsidy_src('new_rows', 1));
  ELSIF TG_OP = 'UPDATE' THEN
    EXECUTE stats_subsidy_sql(stats_subsidy_src('old_rows', -1) || ' UNION ALL ' || stats_subsidy_src('new_rows', 1));
  ELSE
    EXECUTE stats_subsidy_sql(stats_subsidy_src('old_rows', -1));
  END IF;
  RETURN NULL;
END;
$fn$;
--> statement-breakpoint
CREATE TRIGGER stats_subsidies_insert AFTER INSERT ON subsidies
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_subsidies_changed();
--> statement-breakpoint
CREATE TRIGGER stats_subsidies_update AFTER UPDATE ON subsidies
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_subsidies_changed();
--> statement-breakpoint
CREATE TRIGGER stats_subsidies_delete AFTER DELETE ON subsidies
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_subsidies_changed();
--> statement-breakpoint
-- Recomputes the coverage steps of these people from their category rows,
-- enrolments and village now: takes their stored steps back, then adds the new ones.
CREATE FUNCTION stats_coverage_refresh(persons uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  WITH gone AS (
    DELETE FROM stats_coverage_person WHERE person_id = ANY(persons) RETURNING division_code, on_date, category, assisted, enrolled
  )
  INSERT INTO stats_coverage_step AS t
  SELECT division_code, on_date, category, -sum(assisted)::int, -sum(enrolled)::int FROM gone GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (division_code, on_date, category) DO UPDATE SET assisted = t.assisted + excluded.assisted, enrolled = t.enrolled + excluded.enrolled;

  WITH who AS (
    SELECT p.id AS person_id, p.division_code FROM people p WHERE p.id = ANY(persons)
  ), bp AS (
    SELECT x.person_id, x.from_date AS b FROM person_categories x JOIN who USING (person_id)
    UNION SELECT x.person_id, x.to_date + 1 FROM person_categories x JOIN who USING (person_id) WHERE x.to_date IS NOT NULL
    UNION SELECT e.person_id, make_date(e.year, 1, 1) FROM enrolments e JOIN who USING (person_id)
    UNION SELECT e.person_id, make_date(e.year + 1, 1, 1) FROM enrolments e JOIN who USING (person_id)
  ), st AS (
    SELECT bp.person_id, bp.b, c.category,
           (c.category IS NOT NULL AND EXISTS (SELECT 1 FROM enrolments e WHERE e.person_id = bp.person_id AND e.year = extract(year FROM bp.b)::int)) AS enr
    FROM bp LEFT JOIN LATERAL (
      SELECT x.category FROM person_categories x
      WHERE x.person_id = bp.person_id AND x.from_date <= bp.b AND (x.to_date IS NULL OR x.to_date >= bp.b)
      ORDER BY x.from_date DESC, x.id DESC LIMIT 1
    ) c ON true
  ), ch AS (
    SELECT person_id, b, category, enr, lag(category) OVER w AS pcat, lag(enr) OVER w AS penr
    FROM st WINDOW w AS (PARTITION BY person_id ORDER BY b)
  ), steps AS (
    SELECT person_id, b, category, 1 AS a, CASE WHEN enr THEN 1 ELSE 0 END AS e FROM ch WHERE category IS NOT NULL
    UNION ALL
    SELECT person_id, b, pcat, -1, CASE WHEN penr THEN -1 ELSE 0 END FROM ch WHERE pcat IS NOT NULL
  ), fresh AS (
    INSERT INTO stats_coverage_person (person_id, on_date, category, division_code, assisted, enrolled)
    SELECT s.person_id, s.b, s.category, who.division_code, sum(s.a)::int, sum(s.e)::int
    FROM steps s JOIN who USING (person_id)
    GROUP BY 1, 2, 3, 4 HAVING sum(s.a) <> 0 OR sum(s.e) <> 0
    RETURNING division_code, on_date, category, assisted, enrolled
  )
  INSERT INTO stats_coverage_step AS t
  SELECT division_code, on_date, category, sum(assisted)::int, sum(enrolled)::int FROM fresh GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (division_code, on_date, category) DO UPDATE SET assisted = t.assisted + excluded.assisted, enrolled = t.enrolled + excluded.enrolled;
END;
$fn$;
--> statement-breakpoint
CREATE FUNCTION stats_person_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM stats_coverage_refresh(ARRAY(SELECT DISTINCT person_id FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM stats_coverage_refresh(ARRAY(SELECT person_id FROM old_rows UNION SELECT person_id FROM new_rows));
  ELSE
    PERFORM stats_coverage_refresh(ARRAY(SELECT DISTINCT person_id FROM old_rows));
  END IF;
  RETURN NULL;
END;
$fn$;
--> statement-breakpoint
CREATE TRIGGER stats_person_categories_insert AFTER INSERT ON person_categories
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_person_rows_changed();
--> statement-breakpoint
CREATE TRIGGER stats_person_categories_update AFTER UPDATE ON person_categories
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_person_rows_changed();
--> statement-breakpoint
CREATE TRIGGER stats_person_categories_delete AFTER DELETE ON person_categories
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_person_rows_changed();
--> statement-breakpoint
CREATE TRIGGER stats_enrolments_insert AFTER INSERT ON enrolments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_person_rows_changed();
--> statement-breakpoint
CREATE TRIGGER stats_enrolments_update AFTER UPDATE ON enrolments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_person_rows_changed();
--> statement-breakpoint
CREATE TRIGGER stats_enrolments_delete AFTER DELETE ON enrolments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_person_rows_changed();
--> statement-breakpoint
-- A person who moves village (a register correction) takes their whole history to the new village:
-- their current settlements and subsidies move, their coverage steps are recomputed.
CREATE FUNCTION stats_person_moved() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE stats_payments_sql($q$
    SELECT c.claim_date, d.division_code, s.category, c.setting, c.total_cost, c.policy_scope_cost,
           s.basic, s.critical, s.assistance, s.tilted, s.self_paid, d.sign
    FROM claims c JOIN claim_settlements s ON s.claim_id = c.id AND s.superseded_at IS NULL
    CROSS JOIN (VALUES ($1::varchar, -1), ($2::varchar, 1)) d(division_code, sign)
    WHERE c.person_id = $3
  $q$) USING OLD.division_code, NEW.division_code, NEW.id;
  EXECUTE stats_subsidy_sql($q$
    SELECT s.year, d.division_code, s.category, s.subsidy, s.personal, s.funding, d.sign
    FROM subsidies s CROSS JOIN (VALUES ($1::varchar, -1), ($2::varchar, 1)) d(division_code, sign)
    WHERE s.person_id = $3
  $q$) USING OLD.division_code, NEW.division_code, NEW.id;
  PERFORM stats_coverage_refresh(ARRAY[NEW.id]);
  RETURN NULL;
END;
$fn$;
--> statement-breakpoint
CREATE TRIGGER stats_people_moved AFTER UPDATE ON people FOR EACH ROW
  WHEN (OLD.division_code IS DISTINCT FROM NEW.division_code)
  EXECUTE FUNCTION stats_person_moved();
--> statement-breakpoint
-- Recomputes every summary table from the raw tables: for a new deployment
-- (below) and after a repair by hand (`SELECT stats_rebuild()`).
CREATE FUNCTION stats_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM stats_payments_day;
  DELETE FROM stats_payments_month;
  DELETE FROM stats_subsidy_year;
  DELETE FROM stats_subsidy_source;
  DELETE FROM stats_coverage_person;
  DELETE FROM stats_coverage_step;
  EXECUTE stats_payments_sql(stats_settlement_src('claim_settlements', 1));
  EXECUTE stats_subsidy_sql(stats_subsidy_src('subsidies', 1));
  PERFORM stats_coverage_refresh(ARRAY(SELECT person_id FROM person_categories UNION SELECT person_id FROM enrolments));
END;
$fn$;
--> statement-breakpoint
SELECT stats_rebuild();
