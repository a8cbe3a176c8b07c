import { PERMISSIONS, type Action } from "@/lib/auth/domain/permissions";

// The actions an API token may be limited to: those behind /api/v1 routes
// that accept tokens. A token also needs its account to hold the action.
export const API_TOKEN_ACTIONS = ["settlement.trial", "applications.view", "applications.intake", "applications.audit"] as const satisfies readonly Action[];
export type ApiTokenAction = (typeof API_TOKEN_ACTIONS)[number];

export const API_TOKEN_ACTION_INFO: Record<ApiTokenAction, { label: string; routes: string }> = {
  "settlement.trial": { label: PERMISSIONS["settlement.trial"].label, routes: "POST /api/v1/settlement、POST /api/v1/subsidy" },
  // A township's or the county's own case system working the queue (docs/api.md).
  "applications.view": { label: PERMISSIONS["applications.view"].label, routes: "GET /api/v1/applications、GET /api/v1/applications/{id}" },
  "applications.intake": { label: PERMISSIONS["applications.intake"].label, routes: "POST /api/v1/applications、POST /api/v1/applications/{id}/transitions（乡镇环节）" },
  "applications.audit": { label: PERMISSIONS["applications.audit"].label, routes: "POST /api/v1/applications/{id}/transitions（县级环节）" },
};

export function isApiTokenAction(value: string): value is ApiTokenAction {
  return (API_TOKEN_ACTIONS as readonly string[]).includes(value);
}
