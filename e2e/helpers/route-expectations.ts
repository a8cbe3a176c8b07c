import type { WorkflowRole } from "@/lib/applications/domain/workflow-roles";
import type { Action } from "@/lib/auth/domain/permissions";

// What each page and route handler requires, as the permission of the matrix
// (lib/auth/domain/permissions.ts) that its use case checks. Who is allowed is
// never written here: the walk asks can(user, permission) for every account,
// so a change to the matrix changes the expectations with it.
//
// Keys: "/path/[segment]" for a page, "METHOD /path" for a route handler
// (route groups dropped). e2e/authorization-walk.spec.ts fails on a route of
// the file system missing here, and on an entry here with no route.

/** Which seeded record fills a dynamic segment (e2e/authorization-walk.spec.ts, fixtures()). */
export type Fixture =
  | "person" | "application" | "attachment" | "notice" | "flag"
  | "batch" | "batchLine" | "user" | "policyId" | "policyVersion" | "draftPolicyId" | "draftVersion"
  | "month" | "village" | "reportKind";

/** The fixtures that belong to a township: the jurisdiction pass fills them with another township's record. */
export const TOWNSHIP_FIXTURES: readonly Fixture[] = ["person", "application", "attachment", "notice", "flag"];

export type Need =
  // The matrix's permission; `posts`: a use case that also asks for a workflow post (workflowRoleOf).
  | { permission: Action; posts?: readonly WorkflowRole[] }
  | { signedIn: true } // any signed-in user: the workbench, the user's own account pages
  | { public: true } // 公示 pages: no sign-in
  | { loginPage: true } // /login: anonymous sees it, a signed-in user is sent to /
  | { secondFactorPage: true } // /login/verify: only a session waiting for its code; others go to / or /login
  | { notWalked: string }; // next-auth's own handler: the reason it is tested elsewhere

export type Body = { json: unknown } | { multipart: Record<string, string | { name: string; mimeType: string; buffer: Buffer }> };

export type Expectation = Need & {
  ids?: Record<string, Fixture>;
  /** A query string (without ?) the route needs to reach its use case. */
  query?: string;
  body?: Body;
  /**
   * The call would change data when allowed: only the accounts without the
   * permission send it (and must be refused); the allowed ones skip it.
   */
  mutates?: true;
  /** The route reads a person's data through a township fixture: re-walked with another township's record. */
  jurisdiction?: true;
  /**
   * A route serving several steps names every permission it takes (apiRoute's list) when the walked
   * call needs only one: a role holding another may send it input, so only roles holding none of
   * them are asked with malformed input and must get 403.
   */
  routePermissions?: readonly Action[];
  /** Statuses that count as "allowed" besides 200, and why. */
  allowedStatus?: readonly number[];
};

const tinyPdf = { name: "walk.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") };
const tinyXlsx = { name: "walk.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from("PK\u0003\u0004") };
const p = (permission: Action) => ({ permission });

export const EXPECTATIONS: Record<string, Expectation> = {
  // ── pages ──
  "/": { signedIn: true },
  "/login": { loginPage: true },
  "/login/verify": { secondFactorPage: true },
  "/account/password": { signedIn: true },
  "/account/security": { signedIn: true },
  "/gongshi": { public: true },
  "/gongshi/[villageCode]": { public: true, ids: { villageCode: "village" } },

  "/admin/api-tokens": p("users.manage"),
  "/admin/calendar": p("calendar.manage"),
  "/admin/divisions": p("divisions.view"),
  "/admin/users": p("users.manage"),
  "/admin/users/new": p("users.manage"),
  "/admin/users/[id]": { ...p("users.manage"), ids: { id: "user" } },

  "/applications": p("applications.view"),
  "/applications/new": p("applications.intake"),
  "/applications/[id]": { ...p("applications.view"), ids: { id: "application" }, jurisdiction: true },
  "/applications/[id]/approval-form": { ...p("applications.view"), ids: { id: "application" }, jurisdiction: true },
  "/applications/[id]/refusal-notice": { ...p("applications.view"), ids: { id: "application" }, jurisdiction: true },
  "/applications/[id]/survey-record": { ...p("applications.view"), ids: { id: "application" }, jurisdiction: true },
  "/applications/batches": p("applications.pay"),
  "/applications/batches/new": p("applications.pay"),
  "/applications/batches/[id]": { ...p("applications.pay"), ids: { id: "batch" } },
  // applications.view, then the county reviewer's or manager's post (lib/applications/get-timeliness.ts).
  "/applications/timeliness": { ...p("applications.view"), posts: ["county_reviewer", "manager"] },
  "/payment-batches/[batchId]": { ...p("applications.pay"), ids: { batchId: "batch" } },

  "/audit": p("audit.view"),
  "/claims/import": p("claims.import"),
  "/claims/resettle": p("claims.resettle"),
  "/enrolment": p("enrolment.manage"),
  "/unenrolled": p("enrolment.work"),

  "/monitoring": p("monitoring.view"),
  "/monitoring/[id]": { ...p("monitoring.view"), ids: { id: "flag" }, jurisdiction: true },

  "/notices": p("notices.view"),
  "/notices/archive": p("notices.view"),
  "/notices/[id]": { ...p("notices.view"), ids: { id: "notice" }, jurisdiction: true },
  "/notices/[id]/print": { ...p("notices.view"), ids: { id: "notice" }, jurisdiction: true },

  "/people": p("people.view"),
  "/people/[id]": { ...p("people.view"), ids: { id: "person" }, jurisdiction: true },
  "/people/[id]/claims": { ...p("claims.view"), ids: { id: "person" }, jurisdiction: true },

  "/policies": p("policies.view"),
  "/policies/[policyId]/[version]": { ...p("policies.view"), ids: { policyId: "policyId", version: "policyVersion" } },
  "/policies/[policyId]/[version]/edit": { ...p("policies.edit"), ids: { policyId: "draftPolicyId", version: "draftVersion" } },
  "/policies/[policyId]/[version]/simulate": { ...p("policies.edit"), ids: { policyId: "draftPolicyId", version: "draftVersion" } },
  "/policies/[policyId]/[version]/simulate/person/[personId]": {
    ...p("policies.edit"), ids: { policyId: "draftPolicyId", version: "draftVersion", personId: "person" }, jurisdiction: true,
  },

  "/rosters": p("rosters.view"),
  "/rosters/upload": p("rosters.upload"),
  "/rosters/consolidate": p("rosters.consolidate"),
  "/rosters/consolidate/[month]": { ...p("rosters.consolidate"), ids: { month: "month" } },

  "/stats": p("stats.view"),
  "/stats/reports": p("stats.view"),
  // Without ?report= the print page shows only "报表（report）应为 …" before any use case runs.
  "/stats/reports/print": { ...p("stats.view"), query: "report=monthly" },
  "/trial": p("settlement.trial"),

  // ── route handlers of the portal (downloads, outside /api/v1) ──
  "GET /applications/batches/[id]/export": { ...p("applications.pay"), ids: { id: "batch" } },
  "GET /applications/timeliness/export": { ...p("applications.view"), posts: ["county_reviewer", "manager"] },
  "GET /audit/export": { ...p("audit.export"), query: "from=2026-01-01&to=2026-12-31" },
  "POST /claims/import/errors": { ...p("claims.import"), body: { json: { rows: [] } }, allowedStatus: [400] },
  "GET /claims/import/template": p("claims.import"),
  "POST /enrolment/errors": { ...p("enrolment.manage"), body: { json: { rows: [] } }, allowedStatus: [400] },
  "GET /enrolment/export": { ...p("enrolment.manage"), query: "year=2027" },
  "GET /enrolment/template": p("enrolment.manage"),
  "GET /people/[id]/claims/export": { ...p("claims.view"), ids: { id: "person" }, jurisdiction: true },
  "GET /policies/[policyId]/[version]/simulate/export": { ...p("policies.edit"), ids: { policyId: "draftPolicyId", version: "draftVersion" } },
  "GET /stats/export": { ...p("stats.view"), query: "table=coverage-category" },
  "GET /stats/reports/export": { ...p("stats.view"), query: "report=monthly" },
  "GET /unenrolled/export": { ...p("enrolment.work"), query: "year=2027" },

  // ── /api/v1 ──
  "GET /api/auth/[...nextauth]": { notWalked: "next-auth's own sign-in/out endpoints: e2e/login-and-navigation.spec.ts, tests/integration/login-*.test.ts" },
  "POST /api/auth/[...nextauth]": { notWalked: "next-auth's own sign-in/out endpoints: e2e/login-and-navigation.spec.ts, tests/integration/login-*.test.ts" },

  "GET /api/v1/applications": p("applications.view"),
  "POST /api/v1/applications": {
    ...p("applications.intake"), mutates: true,
    body: { json: { personId: "00000000-0000-7000-8000-000000000000", acceptedOn: "2026-12-01", filerKind: "self", phone: "13800000000", diagnosisSummary: "授权遍历", documents: [] } },
  },
  "GET /api/v1/applications/[id]": { ...p("applications.view"), ids: { id: "application" }, jurisdiction: true },
  "POST /api/v1/applications/[id]/transitions": {
    // begin_review is a township step: applications.intake (the audit steps need applications.audit).
    ...p("applications.intake"), ids: { id: "application" }, mutates: true, body: { json: { action: "begin_review", version: 1 } },
    routePermissions: ["applications.intake", "applications.audit"],
  },
  "GET /api/v1/applications/[id]/attachments": { ...p("applications.view"), ids: { id: "application" }, jurisdiction: true },
  "POST /api/v1/applications/[id]/attachments": {
    // applications.view first; then the case's step decides (intake or audit). Only the first is walked.
    ...p("applications.view"), ids: { id: "application" }, mutates: true, body: { multipart: { item: "other", file: tinyPdf } },
  },
  "GET /api/v1/applications/[id]/attachments/[attachmentId]": {
    // The demo seeds no attachment files: the case is checked first (403 outside the matrix or the jurisdiction), then 404 for the file.
    ...p("applications.view"), ids: { id: "application", attachmentId: "attachment" }, jurisdiction: true, allowedStatus: [404],
  },
  "POST /api/v1/claims/import": { ...p("claims.import"), mutates: true, body: { multipart: { file: tinyXlsx } } },
  "POST /api/v1/enrolment/import": { ...p("enrolment.manage"), mutates: true, body: { multipart: { file: tinyXlsx } } },

  "GET /api/v1/payment-batches": p("applications.pay"),
  "POST /api/v1/payment-batches": { ...p("applications.pay"), mutates: true, body: { json: { cases: [] } } },
  "GET /api/v1/payment-batches/[id]": { ...p("applications.pay"), ids: { id: "batch" } },
  "POST /api/v1/payment-batches/[id]/cancel": { ...p("applications.pay"), ids: { id: "batch" }, mutates: true, body: { json: { reason: "授权遍历" } } },
  "POST /api/v1/payment-batches/[id]/confirm": {
    ...p("applications.pay"), ids: { id: "batch" }, mutates: true, body: { json: { paidOn: "2026-11-20", reference: "授权遍历", lineIds: [] } },
  },
  "GET /api/v1/payment-batches/[id]/export": { ...p("applications.pay"), ids: { id: "batch" } },
  "POST /api/v1/payment-batches/[id]/lines/[lineId]/failed": {
    ...p("applications.pay"), ids: { id: "batch", lineId: "batchLine" }, mutates: true, body: { json: { reason: "授权遍历" } },
  },
  "POST /api/v1/payment-batches/[id]/lines/[lineId]/remove": {
    ...p("applications.pay"), ids: { id: "batch", lineId: "batchLine" }, mutates: true, body: { json: { reason: "授权遍历" } },
  },

  "GET /api/v1/rosters/board": p("rosters.view"),
  "POST /api/v1/rosters/consolidate": { ...p("rosters.consolidate"), mutates: true, body: { json: { month: "2026-11" } } },
  "GET /api/v1/rosters/consolidations/[month]/export": { ...p("rosters.consolidate"), ids: { month: "month" }, query: "list=added" },
  "POST /api/v1/rosters/error-report": { ...p("rosters.upload"), body: { json: { rows: [] } }, allowedStatus: [400] },
  "POST /api/v1/rosters/import": {
    ...p("rosters.upload"), mutates: true, body: { multipart: { department: "civil_affairs", month: "2026-12", file: tinyXlsx } },
  },
  "GET /api/v1/rosters/people/[personId]/category": { ...p("people.view"), ids: { personId: "person" }, jurisdiction: true },
  "POST /api/v1/rosters/person-category": { ...p("people.view"), body: { json: { idNumber: "430524190001010000" } }, allowedStatus: [400, 404] },
  "GET /api/v1/rosters/submissions": p("rosters.view"),
  "GET /api/v1/rosters/template": p("rosters.upload"),

  "POST /api/v1/settlement": { ...p("settlement.trial"), body: { json: {} }, allowedStatus: [400] },
  "POST /api/v1/subsidy": { ...p("settlement.trial"), body: { json: {} }, allowedStatus: [400] },
  "GET /api/v1/stats/applications": p("stats.view"),
  "GET /api/v1/stats/coverage": p("stats.view"),
  "GET /api/v1/stats/monitoring": p("stats.view"),
  "GET /api/v1/stats/payments": p("stats.view"),
  "GET /api/v1/stats/subsidy": p("stats.view"),
  "GET /api/v1/stats/reports/[kind]": { ...p("stats.view"), ids: { kind: "reportKind" } },
};

/**
 * Lists filtered by a township: asked by a township user for another
 * township they must be refused (403) and audited, like a foreign person.
 * `{T}` is replaced by the other township's code.
 */
export const FOREIGN_LISTS: readonly { path: string; permission: Action; posts?: readonly WorkflowRole[] }[] = [
  { path: "/people?township={T}", permission: "people.view" },
  { path: "/applications?township={T}", permission: "applications.view" },
  { path: "/monitoring?township={T}", permission: "monitoring.view" },
  { path: "/unenrolled?township={T}", permission: "enrolment.work" },
  { path: "/stats?division={T}", permission: "stats.view" },
  { path: "/stats/reports?division={T}", permission: "stats.view" },
  { path: "/api/v1/applications?township={T}", permission: "applications.view" },
  { path: "/api/v1/stats/coverage?division={T}", permission: "stats.view" },
  { path: "/api/v1/stats/applications?division={T}", permission: "stats.view" },
  { path: "/api/v1/stats/reports/monthly?division={T}", permission: "stats.view" },
  { path: "/stats/export?table=coverage-category&division={T}", permission: "stats.view" },
  { path: "/unenrolled/export?year=2027&township={T}", permission: "enrolment.work" },
  { path: "/applications/timeliness/export?division={T}", permission: "applications.view", posts: ["county_reviewer", "manager"] },
];
