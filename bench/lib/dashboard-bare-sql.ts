import { scopePrefix } from "@/lib/divisions/domain/division-code";
import { ON, YEAR } from "./dashboard-data";

// The dashboard's figures as one plain GROUP BY each over the raw tables: the
// baseline each figure is measured beside (bench/dashboard.ts).

/** The same figure as getCoverage — assisted people on ON by child division and category, and how many are enrolled — as one plain GROUP BY. */
export function bareCoverageSql(division: string, childDigits: number): string {
  const prefix = scopePrefix(division);
  return `SELECT rpad(substr(p.division_code, 1, ${childDigits}), 12, '0') AS child, pc.category, count(*)::int AS assisted,
            count(e.person_id)::int AS enrolled
     FROM person_categories pc JOIN people p ON p.id = pc.person_id
     LEFT JOIN enrolments e ON e.person_id = pc.person_id AND e.year = ${YEAR}
     WHERE p.division_code LIKE '${prefix}%' AND pc.from_date <= '${ON}' AND (pc.to_date IS NULL OR pc.to_date >= '${ON}')
     GROUP BY 1, 2`;
}

/** The five tiers of the period's claims by child division, category and month, as one plain GROUP BY. */
export function barePaymentsSql(division: string, childDigits: number): string {
  return `SELECT rpad(substr(p.division_code, 1, ${childDigits}), 12, '0') AS child, s.category, date_trunc('month', c.claim_date) AS month,
            sum(s.basic) AS basic, sum(s.critical) AS critical, sum(s.assistance) AS assistance, sum(s.tilted) AS tilted,
            sum(s.self_paid) AS self_paid, sum(c.policy_scope_cost) AS scope
     FROM claims c JOIN claim_settlements s ON s.claim_id = c.id AND s.superseded_at IS NULL JOIN people p ON p.id = c.person_id
     WHERE p.division_code LIKE '${scopePrefix(division)}%' AND c.claim_date BETWEEN '${YEAR}-01-01' AND '${ON}'
     GROUP BY 1, 2, 3`;
}

/** The year's premium subsidies by child division and category, as one plain GROUP BY (the funding split is jsonb: left out). */
export function bareSubsidySql(division: string, childDigits: number): string {
  return `SELECT rpad(substr(p.division_code, 1, ${childDigits}), 12, '0') AS child, su.category, count(*) AS people,
            sum(su.subsidy) AS subsidy, sum(su.personal) AS personal
     FROM subsidies su JOIN people p ON p.id = su.person_id
     WHERE p.division_code LIKE '${scopePrefix(division)}%' AND su.year = ${YEAR}
     GROUP BY 1, 2`;
}
