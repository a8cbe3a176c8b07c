import { PERMISSIONS, type Action } from "@/lib/auth/domain/permissions";

// The actions an API token may be limited to: those behind /api/v1 routes
// that accept tokens. A token also needs its account to hold the action.
export const API_TOKEN_ACTIONS = ["settlement.trial", "applications.view", "applications.intake", "applications.audit", "applications.pay", "stats.view"] as const satisfies readonly Action[];
export type ApiTokenAction = (typeof API_TOKEN_ACTIONS)[number];

export const API_TOKEN_ACTION_INFO: Record<ApiTokenAction, { label: string; routes: string }> = {
  "settlement.trial": { label: PERMISSIONS["settlement.trial"].label, routes: "POST /api/v1/settlement、POST /api/v1/subsidy" },
  // A township's or the county's own case system working the queue (docs/api.md).
  "applications.view": { label: PERMISSIONS["applications.view"].label, routes: "GET /api/v1/applications、GET /api/v1/applications/{id}" },
  "applications.intake": { label: PERMISSIONS["applications.intake"].label, routes: "POST /api/v1/applications、POST /api/v1/applications/{id}/transitions（乡镇环节）" },
  "applications.audit": { label: PERMISSIONS["applications.audit"].label, routes: "POST /api/v1/applications/{id}/transitions（县级环节）" },
  // The county's payment system; the export carries the clear bank accounts and is audited like the page's.
  "applications.pay": { label: PERMISSIONS["applications.pay"].label, routes: "GET/POST /api/v1/payment-batches 及其 /{id}、/export、/confirm、/lines/{lineId}/failed、/remove" },
  // A reporting system reading the dashboard's figures (counts and sums only, no person).
  "stats.view": { label: PERMISSIONS["stats.view"].label, routes: "GET /api/v1/stats/coverage、subsidy、payments、applications、monitoring" },
};

export function isApiTokenAction(value: string): value is ApiTokenAction {
  return (API_TOKEN_ACTIONS as readonly string[]).includes(value);
}
