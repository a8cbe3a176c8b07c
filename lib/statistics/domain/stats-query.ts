import type { Period } from "./dashboard";
import { parsePeriod } from "./period";

// The query string of GET /api/v1/stats/… (and of the /stats pages):
// ?division=&period=&from=&to= → the use cases' input. Pure; the division is
// checked by the use case (format, then jurisdiction), the period here.

export type StatsQuery = { division?: string; period: Period };

export function parseStatsQuery(params: URLSearchParams, today: string): StatsQuery {
  const period = parsePeriod({ period: params.get("period") ?? undefined, from: params.get("from") ?? undefined, to: params.get("to") ?? undefined }, today);
  const division = params.get("division")?.trim();
  return division ? { division, period } : { period };
}
