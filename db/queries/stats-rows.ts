import { sql, type SQL } from "drizzle-orm";

// Helpers shared by the dashboard's queries (db/queries/stats-*.ts).

/** postgres.js returns the rows of db.execute as an array; PGlite as { rows }. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * The child division a person's village lies in: the first `childDigits`
 * digits padded to 12 ("430524100" → "430524100000"). `childDigits` is
 * checked and inlined so that SELECT and GROUP BY are the same expression.
 */
export function childOf(column: SQL | string, childDigits: number): SQL {
  if (!Number.isInteger(childDigits) || childDigits < 2 || childDigits > 12) throw new Error(`childDigits out of range: ${childDigits}`);
  const col = typeof column === "string" ? sql.raw(column) : column;
  return sql`rpad(substr(${col}, 1, ${sql.raw(String(childDigits))}), 12, '0')`;
}

/** A money sum as numeric with two decimals, as text (never a JS float): "0.00" when there is nothing. */
export function moneySum(expression: string): SQL {
  return sql.raw(`coalesce(sum(${expression}), 0)::numeric(16,2)::text`);
}

/**
 * `column` lies under the division prefix, written so that a btree index on
 * the column is used: a LIKE 'prefix%' is an index condition only under the
 * C collation (the databases here use C.UTF-8, where it is a filter over the
 * whole index), while the range prefix ≤ column < next prefix is one under
 * any collation. The LIKE stays as well, for the exact meaning. Digits only.
 */
export function underPrefix(column: string, prefix: string): SQL {
  const { lower, upper, like } = prefixBounds(prefix);
  const col = sql.raw(column);
  return sql`(${col} >= ${lower} AND ${col} < ${upper} AND ${col} LIKE ${like})`;
}

/** underPrefix's three values, for a prepared statement that asks them as placeholders (lower, upper, like). */
export function prefixBounds(prefix: string): { lower: string; upper: string; like: string } {
  if (!/^\d{1,12}$/.test(prefix)) throw new Error(`not a division prefix: ${prefix}`);
  // The next string after every string starting with the prefix: its last digit + 1 (after '9' comes ':').
  const upper = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return { lower: prefix, upper, like: `${prefix}%` };
}

/**
 * The kept table to read for a figure grouped by `childDigits`: a county's or
 * a city's children are townships (or wider), which the *_township rollup
 * (migration 0029_stats_township_rollups: one row per township, not per
 * village) answers with far fewer rows; a township's villages need the
 * village table.
 */
export function keptTable(table: "stats_payments_day" | "stats_payments_month" | "stats_coverage_step" | "stats_subsidy_year" | "stats_subsidy_source", childDigits: number): SQL {
  return sql.raw(childDigits <= 9 ? `${table}_township` : table);
}
