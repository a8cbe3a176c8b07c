import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { divisions } from "../schema";

// Names of a code's divisions as correlated subqueries, for any list that
// shows where a person lives. A village's name alone is ambiguous (the demo
// county has two 松岭村 and two 塘湾村), so lists read the township's name
// too and print both with `placeName` (lib/divisions/domain/place-name.ts).

/** The current name of the division with this code. */
export function currentDivisionName(code: AnyColumn | SQL) {
  return sql<string | null>`(select d.name from ${divisions} d where d.code = ${code} and d.valid_to is null limit 1)`;
}

/** The current name of the township a village (or township) code belongs to. */
export function townshipNameOf(code: AnyColumn | SQL) {
  return sql<string | null>`(select d.name from ${divisions} d where d.code = substr(${code}, 1, 9) || '000' and d.valid_to is null limit 1)`;
}
