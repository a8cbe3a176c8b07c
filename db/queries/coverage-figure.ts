import { sql, type Placeholder, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../client";
import type { PolicyVersionRow } from "../schema";
import type { CoverageGroup } from "./coverage-stats";
import { inForceOrder } from "./policy-in-force";
import { preparedOn } from "./prepared";
import { childOf, keptTable } from "./stats-rows";

// Everything the dashboard's coverage figure reads (getCoverageFigure), in
// one statement and one round trip: the division's current name and its
// current children, the kept coverage groups on the reporting date (the same
// grouped sum as coverageGroups), the policy version in force for the
// division on that date (ordered as policyVersionInForce orders: inForceOrder), and whether any policy
// is activated strictly below the division. They were five queries in three
// rounds (division and children; groups, policy, activations), each built by
// drizzle on every call: under 50 clients the round trips' socket writes and
// the builds were most of the route's own CPU. Built once per database handle
// and number of child digits (which picks the kept table and the grouping
// expression), with placeholders, and prepared; inside a transaction built
// with its values (prepared.ts).

export type CoverageFigureRead = {
  /** The division's current name; null when there is no such current division. */
  name: string | null;
  children: { code: string; name: string }[];
  groups: CoverageGroup[];
  policy: Pick<PolicyVersionRow, "id" | "policyId" | "version" | "status" | "record"> | null;
  activationsBelow: boolean;
};

type Values<V> = { division: V; prefix: V; upper: V; like: V; below: V; on: V; c0: V; c1: V; c2: V; c3: V; c4: V };
const NAMES = ["division", "prefix", "upper", "like", "below", "on", "c0", "c1", "c2", "c3", "c4"] as const;

/** The division chain's length is 1–5 (village up to province): padded with its first code, harmless in an IN list. */
const CHAIN_SLOTS = 5;

function figureQuery(db: Db | Tx, childDigits: number, v: Values<SQL | Placeholder | string>) {
  const child = childOf("division_code", childDigits);
  const table = keptTable("stats_coverage_step", childDigits);
  const payload = sql<string>`json_build_object(
    'name', (SELECT d.name FROM divisions d WHERE d.code = ${v.division} AND d.valid_to IS NULL LIMIT 1),
    'children', (SELECT coalesce(json_agg(json_build_object('code', d.code, 'name', d.name) ORDER BY d.code), '[]'::json)
                 FROM divisions d WHERE d.parent_code = ${v.division} AND d.valid_to IS NULL),
    'groups', (SELECT coalesce(json_agg(json_build_object('child', g.child, 'category', g.category, 'assisted', g.assisted, 'enrolled', g.enrolled) ORDER BY g.child, g.category), '[]'::json)
               FROM (SELECT ${child} AS child, category, sum(assisted)::int AS assisted, sum(enrolled)::int AS enrolled
                     FROM ${table}
                     WHERE division_code >= ${v.prefix} AND division_code < ${v.upper} AND division_code LIKE ${v.like} AND on_date <= ${v.on}::date
                     GROUP BY 1, 2
                     HAVING sum(assisted) <> 0) g),
    'policy', (SELECT json_build_object('id', pv.id, 'policyId', pv.policy_id, 'version', pv.version, 'status', pv.status, 'record', pv.record)
               FROM policy_activations pa JOIN policy_versions pv ON pv.id = pa.version_id
               WHERE pa.division_code IN (${v.c0}, ${v.c1}, ${v.c2}, ${v.c3}, ${v.c4}) AND pa.active_from <= ${v.on}::date
               ORDER BY ${sql.raw(inForceOrder("pa"))}
               LIMIT 1),
    'activationsBelow', EXISTS (SELECT 1 FROM policy_activations pa WHERE pa.division_code LIKE ${v.below} AND pa.division_code <> ${v.division})
  )::text`;
  return db.select({ payload }).from(sql`(SELECT 1) AS one`);
}

const prepared = (db: Db, childDigits: number) =>
  figureQuery(db, childDigits, Object.fromEntries(NAMES.map((n) => [n, sql.placeholder(n)])) as unknown as Values<Placeholder>).prepare(`coverage_figure_${childDigits}`);

/**
 * `division`: the 12-digit code; `prefix`: its significant prefix; `childDigits`:
 * how many leading digits name a child; `on`: the reporting date; `chain`: the
 * division and every division above it, nearest first (divisionChain).
 */
export async function readCoverageFigure(
  db: Db | Tx,
  input: { division: string; prefix: string; childDigits: number; on: string; chain: readonly string[] },
): Promise<CoverageFigureRead> {
  if (!/^\d{1,12}$/.test(input.prefix)) throw new Error(`not a division prefix: ${input.prefix}`);
  if (input.chain.length < 1 || input.chain.length > CHAIN_SLOTS) throw new Error(`division chain of ${input.chain.length} codes`);
  const chain = Array.from({ length: CHAIN_SLOTS }, (_, i) => input.chain[i] ?? input.chain[0]!);
  // The prefix as a range and as LIKE (underPrefix in stats-rows.ts): the range is the index condition under C.UTF-8.
  const values: Values<string> = {
    division: input.division,
    prefix: input.prefix,
    upper: input.prefix.slice(0, -1) + String.fromCharCode(input.prefix.charCodeAt(input.prefix.length - 1) + 1),
    like: `${input.prefix}%`,
    below: `${input.prefix}%`,
    on: input.on,
    c0: chain[0]!,
    c1: chain[1]!,
    c2: chain[2]!,
    c3: chain[3]!,
    c4: chain[4]!,
  };
  const query = preparedOn(db, `coverage_figure_${input.childDigits}`, (d) => prepared(d, input.childDigits));
  const [row] = query ? await query.execute(values) : await figureQuery(db, input.childDigits, values);
  const read = JSON.parse(row!.payload) as CoverageFigureRead;
  return { ...read, groups: read.groups.map((g) => ({ child: String(g.child), category: String(g.category), assisted: Number(g.assisted), enrolled: Number(g.enrolled) })) };
}
