import { PERMISSIONS, type Action } from "@/lib/auth/domain/permissions";

// The actions an API token may be limited to: those behind /api/v1 routes
// that accept tokens. A token also needs its account to hold the action.
export const API_TOKEN_ACTIONS = ["settlement.trial"] as const satisfies readonly Action[];
export type ApiTokenAction = (typeof API_TOKEN_ACTIONS)[number];

export const API_TOKEN_ACTION_INFO: Record<ApiTokenAction, { label: string; routes: string }> = {
  "settlement.trial": { label: PERMISSIONS["settlement.trial"].label, routes: "POST /api/v1/settlement、POST /api/v1/subsidy" },
};

export function isApiTokenAction(value: string): value is ApiTokenAction {
  return (API_TOKEN_ACTIONS as readonly string[]).includes(value);
}
