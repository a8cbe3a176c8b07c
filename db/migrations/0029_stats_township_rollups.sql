-- Township rollups of the kept dashboard figures (docs/scaling.md §5): a
-- county's (or a city's) figure groups by township, so it reads one row per
-- township instead of one per village — ten to twenty times fewer rows. Each
-- *_township table has its village table's shape with division_code = the
-- first 9 digits (the township a village lies in; a person registered on a
-- township's or the county's own code counts in that code's 9 digits, as the
-- raw GROUP BY's rpad(substr(code, 1, 9)) does). The same triggers keep them,
-- in the same statements; stats_rebuild() fills them.
CREATE TABLE stats_payments_day_township (LIKE stats_payments_day INCLUDING ALL);
--> statement-breakpoint
CREATE TABLE stats_payments_month_township (LIKE stats_payments_month INCLUDING ALL);
--> statement-breakpoint
CREATE TABLE stats_coverage_step_township (LIKE stats_coverage_step INCLUDING ALL);
--> statement-breakpoint
CREATE TABLE stats_subsidy_year_township (LIKE stats_subsidy_year INCLUDING ALL);
--> statement-breakpoint
CREATE TABLE stats_subsidy_source_township (LIKE stats_subsidy_source INCLUDING ALL);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_payments_sql(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
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
  ), months AS (
    INSERT INTO stats_payments_month AS t
    SELECT date_trunc('month', claim_date)::date, division_code, category, setting, sum(claims)::int, sum(total_cost), sum(policy_scope_cost),
           sum(basic), sum(critical), sum(assistance), sum(tilted), sum(self_paid)
    FROM d GROUP BY 1, 2, 3, 4 ORDER BY 2, 1, 3, 4
    ON CONFLICT (division_code, month, category, setting) DO UPDATE SET
      claims = t.claims + excluded.claims, total_cost = t.total_cost + excluded.total_cost,
      policy_scope_cost = t.policy_scope_cost + excluded.policy_scope_cost, basic = t.basic + excluded.basic,
      critical = t.critical + excluded.critical, assistance = t.assistance + excluded.assistance,
      tilted = t.tilted + excluded.tilted, self_paid = t.self_paid + excluded.self_paid
  ), tdays AS (
    INSERT INTO stats_payments_day_township AS t
    SELECT claim_date, substr(division_code, 1, 9), category, setting, sum(claims)::int, sum(total_cost), sum(policy_scope_cost),
           sum(basic), sum(critical), sum(assistance), sum(tilted), sum(self_paid)
    FROM d GROUP BY 1, 2, 3, 4 ORDER BY 2, 1, 3, 4
    ON CONFLICT (division_code, claim_date, category, setting) DO UPDATE SET
      claims = t.claims + excluded.claims, total_cost = t.total_cost + excluded.total_cost,
      policy_scope_cost = t.policy_scope_cost + excluded.policy_scope_cost, basic = t.basic + excluded.basic,
      critical = t.critical + excluded.critical, assistance = t.assistance + excluded.assistance,
      tilted = t.tilted + excluded.tilted, self_paid = t.self_paid + excluded.self_paid
  )
  INSERT INTO stats_payments_month_township AS t
  SELECT date_trunc('month', claim_date)::date, substr(division_code, 1, 9), category, setting, sum(claims)::int, sum(total_cost), sum(policy_scope_cost),
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
CREATE OR REPLACE FUNCTION stats_subsidy_sql(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($q$
  WITH r AS (%s), y AS (
    INSERT INTO stats_subsidy_year AS t
    SELECT year, division_code, category, sum(sign)::int, sum(sign * subsidy), sum(sign * personal)
    FROM r GROUP BY 1, 2, 3 ORDER BY 2, 1, 3
    ON CONFLICT (division_code, year, category) DO UPDATE SET
      people = t.people + excluded.people, subsidy = t.subsidy + excluded.subsidy, personal = t.personal + excluded.personal
  ), ty AS (
    INSERT INTO stats_subsidy_year_township AS t
    SELECT year, substr(division_code, 1, 9), category, sum(sign)::int, sum(sign * subsidy), sum(sign * personal)
    FROM r GROUP BY 1, 2, 3 ORDER BY 2, 1, 3
    ON CONFLICT (division_code, year, category) DO UPDATE SET
      people = t.people + excluded.people, subsidy = t.subsidy + excluded.subsidy, personal = t.personal + excluded.personal
  ), lines AS (
    SELECT r.year, r.division_code, x->>'source' AS source, sum(r.sign)::int AS lines, sum(r.sign * (x->>'amount')::numeric) AS amount
    FROM r CROSS JOIN LATERAL jsonb_array_elements(r.funding) x
    GROUP BY 1, 2, 3
  ), src AS (
    INSERT INTO stats_subsidy_source AS t
    SELECT year, division_code, source, lines, amount FROM lines ORDER BY 2, 1, 3
    ON CONFLICT (division_code, year, source) DO UPDATE SET lines = t.lines + excluded.lines, amount = t.amount + excluded.amount
  )
  INSERT INTO stats_subsidy_source_township AS t
  SELECT year, substr(division_code, 1, 9), source, sum(lines)::int, sum(amount) FROM lines GROUP BY 1, 2, 3 ORDER BY 2, 1, 3
  ON CONFLICT (division_code, year, source) DO UPDATE SET lines = t.lines + excluded.lines, amount = t.amount + excluded.amount
$q$, src)
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_coverage_refresh(persons uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  WITH gone AS (
    DELETE FROM stats_coverage_person WHERE person_id = ANY(persons) RETURNING division_code, on_date, category, assisted, enrolled
  ), v AS (
    INSERT INTO stats_coverage_step AS t
    SELECT division_code, on_date, category, -sum(assisted)::int, -sum(enrolled)::int FROM gone GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (division_code, on_date, category) DO UPDATE SET assisted = t.assisted + excluded.assisted, enrolled = t.enrolled + excluded.enrolled
  )
  INSERT INTO stats_coverage_step_township AS t
  SELECT substr(division_code, 1, 9), on_date, category, -sum(assisted)::int, -sum(enrolled)::int FROM gone GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
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
  ), v AS (
    INSERT INTO stats_coverage_step AS t
    SELECT division_code, on_date, category, sum(assisted)::int, sum(enrolled)::int FROM fresh GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (division_code, on_date, category) DO UPDATE SET assisted = t.assisted + excluded.assisted, enrolled = t.enrolled + excluded.enrolled
  )
  INSERT INTO stats_coverage_step_township AS t
  SELECT substr(division_code, 1, 9), on_date, category, sum(assisted)::int, sum(enrolled)::int FROM fresh GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (division_code, on_date, category) DO UPDATE SET assisted = t.assisted + excluded.assisted, enrolled = t.enrolled + excluded.enrolled;
END;
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM stats_payments_day;
  DELETE FROM stats_payments_month;
  DELETE FROM stats_subsidy_year;
  DELETE FROM stats_subsidy_source;
  DELETE FROM stats_coverage_person;
  DELETE FROM stats_coverage_step;
  DELETE FROM stats_payments_day_township;
  DELETE FROM stats_payments_month_township;
  DELETE FROM stats_subsidy_year_township;
  DELETE FROM stats_subsidy_source_township;
  DELETE FROM stats_coverage_step_township;
  EXECUTE stats_payments_sql(stats_settlement_src('claim_settlements', 1));
  EXECUTE stats_subsidy_sql(stats_subsidy_src('subsidies', 1));
  PERFORM stats_coverage_refresh(ARRAY(SELECT person_id FROM person_categories UNION SELECT person_id FROM enrolments));
END;
$fn$;
--> statement-breakpoint
SELECT stats_rebuild();
