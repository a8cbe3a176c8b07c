import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { workflowRoleOf, type WorkflowRole } from "@/lib/applications/domain/workflow-roles";
import { can, type RoleHolder } from "@/lib/auth/domain/can";
import type { Action } from "@/lib/auth/domain/permissions";
import { appRoutes, routeKey, type AppRoute } from "./helpers/app-routes";
import { dataFingerprint, e2eSql } from "./helpers/db";
import { DEMO_PASSWORD } from "./helpers/login";
import { EXPECTATIONS, FOREIGN_LISTS, TOWNSHIP_FIXTURES, type Expectation, type Fixture } from "./helpers/route-expectations";

// The authorization walk (issue 14): every page and route handler of app/,
// enumerated from the file system, asked by every (department × role) of the
// demo accounts and by an anonymous caller, with request contexts only (no
// rendering in a browser, no redirects followed). Allowed or refused is
// derived from the permission matrix through can() and the route's permission
// in e2e/helpers/route-expectations.ts; a township clerk then asks for another
// township's people, applications, notices, flags and lists and must get 403,
// audited. Calls that would change data are sent only by those who must be
// refused; the data tables are fingerprinted before and after the whole walk.
// Server actions: tests/integration/server-actions-authorization.test.ts.

const sql = e2eSql();
test.afterAll(async () => sql.end());

const BASE = `http://localhost:${process.env.E2E_PORT ?? 3100}`;
const OWN_TOWNSHIP = "430524100000"; // 桃洪镇
const OTHER_TOWNSHIP = "430524101000";
const like = (code: string) => `${code.slice(0, 9)}%`;

// One account per department × role of the demo county (a test below fails if a new pair appears).
const ACCOUNTS = [
  "admin", "yibao.clerk", "yibao.reviewer", "yibao.manager", "minzheng.clerk", "xiangcun.clerk", "tuiyi.clerk",
  "canlian.clerk", "taohong.clerk", "taohong.publisher", "caizheng.viewer", "shenji.auditor",
] as const;
const TOWNSHIP_ACCOUNTS = ["taohong.clerk", "taohong.publisher"] as const;

type User = RoleHolder & { username: string; jurisdiction: string };
type Fixtures = Record<Fixture, string>;
type Outcome = "allowed" | "refused" | "to-login" | "unauthenticated" | "to-home";

const ROUTES = appRoutes();
const routeMeta = (r: AppRoute) => ({ route: r, key: routeKey(r), expectation: EXPECTATIONS[routeKey(r)] });

let own: Fixtures;
let foreign: Fixtures;
let users: Map<string, User>;
// One signed-in request context per account, reused by its tests; signed in before the fingerprint (a sign-in writes its session).
const contexts = new Map<string, APIRequestContext>();

test.beforeAll(async () => {
  test.setTimeout(120_000);
  own = await fixtures(OWN_TOWNSHIP);
  foreign = await fixtures(OTHER_TOWNSHIP);
  const rows = await sql<User[]>`select username, department, role, jurisdiction, status from users where username in ${sql([...ACCOUNTS])}`;
  users = new Map(rows.map((u) => [u.username, u]));
  for (const username of ACCOUNTS) contexts.set(username, await signedIn(username));
});

test.afterAll(async () => {
  for (const context of contexts.values()) await context.dispose();
});

test("every page and route handler on disk has an expectation, and every expectation a route", () => {
  const keys = new Set(ROUTES.map(routeKey));
  const missing = ROUTES.filter((r) => !EXPECTATIONS[routeKey(r)]).map((r) => `${routeKey(r)}  (${r.file})`);
  const stale = Object.keys(EXPECTATIONS).filter((k) => !keys.has(k));
  expect(missing, "routes with no expectation in e2e/helpers/route-expectations.ts").toEqual([]);
  expect(stale, "expectations for routes that no longer exist").toEqual([]);
  // Each dynamic segment is filled from the seeded database.
  const unfilled = ROUTES.flatMap((r) => {
    const e = EXPECTATIONS[routeKey(r)];
    if (!e || "notWalked" in e) return [];
    return [...r.pattern.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!).filter((s) => !e.ids?.[s]).map((s) => `${routeKey(r)}: [${s}]`);
  });
  expect(unfilled, "dynamic segments without a fixture").toEqual([]);
  // A route re-walked for another township must name a township's record (person, application, notice, flag).
  const notPersonal = Object.entries(EXPECTATIONS)
    .filter(([, e]) => e.jurisdiction && !Object.values(e.ids ?? {}).some((f) => TOWNSHIP_FIXTURES.includes(f)))
    .map(([k]) => k);
  expect(notPersonal, "jurisdiction entries without a township fixture").toEqual([]);
  expect(ROUTES.length, "routes found under app/").toBeGreaterThan(50);
});

test("the walked accounts cover every department × role of the demo county", async () => {
  const pairs = await sql<{ department: string; role: string }[]>`select distinct department, role from users where status = 'active' order by 1, 2`;
  const covered = new Set([...users.values()].map((u) => `${u.department}/${u.role}`));
  expect(pairs.map((p) => `${p.department}/${p.role}`).filter((p) => !covered.has(p))).toEqual([]);
  expect(users.size).toBe(ACCOUNTS.length);
});

test("anonymous: pages go to /login (but /login and 公示), route handlers outside /api/v1 too, /api/v1 answers 401", async () => {
  test.setTimeout(120_000);
  const context = await playwrightRequest.newContext({ baseURL: BASE });
  try {
    const before = await walkFingerprint();
    const wrong = await walk(context, null);
    expect(wrong).toEqual([]);
    expect(await walkFingerprint(), "data changed by the walk").toBe(before);
  } finally {
    await context.dispose();
  }
});

for (const username of ACCOUNTS) {
  test(`${username}: allowed exactly where the matrix allows, 403 elsewhere`, async () => {
    test.setTimeout(150_000);
    const before = await walkFingerprint();
    const wrong = await walk(contexts.get(username)!, users.get(username)!);
    expect(wrong).toEqual([]);
    expect(await walkFingerprint(), "data changed by the walk").toBe(before);
  });
}

for (const username of TOWNSHIP_ACCOUNTS) {
  test(`${username}: another township's people, applications, notices, flags and lists are refused (403) and audited`, async () => {
    test.setTimeout(120_000);
    const user = users.get(username)!;
    const context = contexts.get(username)!;
    const wrong: string[] = [];
    let asked = 0;
    const before = await walkFingerprint();
    for (const { route, key, expectation: e } of ROUTES.map(routeMeta)) {
      if (!e || !("permission" in e) || !e.jurisdiction || e.mutates || !may(user, e)) continue;
      const path = fill(route.pattern, e, foreign) + (e.query ? `?${e.query}` : "");
      asked++;
      await expectAuditedRefusal(context, username, route.method, path, e, wrong, key);
    }
    for (const list of FOREIGN_LISTS) {
      if (!may(user, list)) continue;
      asked++;
      await expectAuditedRefusal(context, username, "GET", list.path.replace("{T}", OTHER_TOWNSHIP), undefined, wrong, list.path);
    }
    expect(wrong).toEqual([]);
    expect(await walkFingerprint(), "data changed by the walk").toBe(before);
    expect(asked, "requests for another township").toBeGreaterThan(username === "taohong.clerk" ? 15 : 1);
  });
}

// ── the walk ──

async function walk(context: APIRequestContext, user: User | null): Promise<string[]> {
  const wrong: string[] = [];
  const tally: Record<string, number> = {};
  const jobs = ROUTES.map(routeMeta).flatMap(({ route, key, expectation: e }) => {
    if (!e || "notWalked" in e) return [];
    const expected = expectedOutcome(route, e, user);
    if (expected === "skip") return [];
    const path = fill(route.pattern, e, own) + (e.query ? `?${e.query}` : "");
    const jobs = [async () => {
      const response = await send(context, route.method, path, e);
      const got = outcomeOf(response, e);
      tally[got] = (tally[got] ?? 0) + 1;
      if (got !== expected) wrong.push(`${key} as ${user?.username ?? "anonymous"}: expected ${expected}, got ${describe(response)}`);
    }];
    // A role the matrix refuses is refused before its input is read: the same call with a
    // malformed query and body is still a 403, never a 400 that tells what the route would take.
    if (user && expected === "refused" && route.kind === "handler" && !(e.routePermissions ?? []).some((a) => can(user, a))) {
      jobs.push(async () => {
        const response = await sendMalformed(context, route.method, fill(route.pattern, e, own));
        const got = outcomeOf(response, e);
        tally[got] = (tally[got] ?? 0) + 1;
        if (got !== "refused") wrong.push(`${key} as ${user.username} with malformed input: expected refused, got ${describe(response)}`);
      });
    }
    return jobs;
  });
  await pool(jobs, 3);
  // What was walked, in the report: e.g. "allowed 31, refused 70".
  test.info().annotations.push({ type: "walked", description: `${jobs.length} requests: ${Object.entries(tally).map(([k, n]) => `${k} ${n}`).join(", ")}` });
  return wrong.sort();
}

function expectedOutcome(route: AppRoute, e: Expectation, user: User | null): Outcome | "skip" {
  if ("public" in e) return "allowed";
  if (!user) {
    if ("loginPage" in e) return "allowed";
    return route.pattern.startsWith("/api/v1/") ? "unauthenticated" : "to-login";
  }
  if ("loginPage" in e || "secondFactorPage" in e) return "to-home";
  if ("signedIn" in e) return "allowed";
  if (!("permission" in e)) throw new Error(`no rule for ${routeKey(route)}`);
  const allowed = may(user, e);
  if (allowed && e.mutates) return "skip";
  return allowed ? "allowed" : "refused";
}

/** The matrix, and the workflow post where the use case asks for one. */
function may(user: User, need: { permission: Action; posts?: readonly WorkflowRole[] }): boolean {
  if (!can(user, need.permission)) return false;
  const post = workflowRoleOf(user);
  return !need.posts || (post !== null && need.posts.includes(post));
}

function outcomeOf(response: APIResponse, e: Expectation): Outcome | string {
  const status = response.status();
  if (status >= 300 && status < 400) {
    const to = new URL(response.headers()["location"] ?? "", BASE).pathname;
    if (to === "/login") return "to-login";
    if (to === "/") return "to-home";
    return `redirect to ${to}`;
  }
  if (status === 401) return "unauthenticated";
  if (status === 403) return "refused";
  if (status === 200 || e.allowedStatus?.includes(status)) return "allowed";
  return `status ${status}`;
}

function describe(response: APIResponse): string {
  const status = response.status();
  const location = response.headers()["location"];
  return location ? `${status} → ${new URL(location, BASE).pathname}` : String(status);
}

async function expectAuditedRefusal(context: APIRequestContext, username: string, method: string, path: string, e: Expectation | undefined, wrong: string[], key: string) {
  const before = await refusals(username);
  const response = await send(context, method, path, e);
  if (response.status() !== 403) {
    wrong.push(`${key} (${path}) as ${username} for another township: expected 403, got ${describe(response)}`);
    return;
  }
  const after = await refusals(username);
  if (after <= before) wrong.push(`${key} (${path}) as ${username}: refused but not audited as a jurisdiction refusal`);
}

async function refusals(username: string): Promise<number> {
  const [{ n }] = await sql<[{ n: number }]>`select count(*)::int as n from audit_log
    where username = ${username} and outcome = 'refused' and detail->>'reason' = 'jurisdiction'`;
  return n;
}

async function send(context: APIRequestContext, method: string, path: string, e: Expectation | undefined): Promise<APIResponse> {
  const body = e?.body;
  return context.fetch(path, {
    method,
    maxRedirects: 0,
    failOnStatusCode: false,
    ...(body && "json" in body ? { data: body.json } : {}),
    ...(body && "multipart" in body ? { multipart: body.multipart } : {}),
  });
}

/** Every query parameter the routes read, with a value none accepts; a body that is not JSON (or a multipart with no file). */
const MALFORMED_QUERY = "table=%E2%80%AEnone&report=none&month=13&year=x&division=x&period=x&from=x&to=x&state=x&page=-1&list=x";
async function sendMalformed(context: APIRequestContext, method: string, path: string): Promise<APIResponse> {
  return context.fetch(`${path}?${MALFORMED_QUERY}`, {
    method,
    maxRedirects: 0,
    failOnStatusCode: false,
    ...(method === "GET" ? {} : { headers: { "content-type": "application/json" }, data: "{\"month\": " }),
  });
}

function fill(pattern: string, e: Expectation, from: Fixtures): string {
  return pattern.replace(/\[([^\]]+)\]/g, (_, segment: string) => {
    const fixture = e.ids?.[segment];
    if (!fixture) throw new Error(`${pattern}: no fixture for [${segment}]`);
    return encodeURIComponent(from[fixture]);
  });
}

async function pool(jobs: (() => Promise<void>)[], width: number) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < jobs.length) await jobs[next++]!();
  }));
}

/** A request context signed in through next-auth's credentials callback (as e2e/helpers/login.ts does for a page). */
async function signedIn(username: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: BASE });
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const answer = await context.post("/api/auth/callback/credentials", {
    form: { username, password: DEMO_PASSWORD, csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(answer.status(), `sign-in of ${username}`).toBe(302);
  expect(answer.headers()["location"] ?? "", `sign-in of ${username} refused`).not.toMatch(/error=/);
  return context;
}

// ── the seeded records that fill dynamic segments ──

/** Records of one township (people, applications, notices, flags) and the county-wide ones. */
async function fixtures(township: string): Promise<Fixtures> {
  const t = like(township);
  const one = async (what: string, rows: Promise<{ v: string | number }[]>) => {
    const [row] = await rows;
    if (!row) throw new Error(`the seeded demo database has no ${what} for township ${township}`);
    return String(row.v);
  };
  const application = await one("application", sql`select a.id as v from applications a where a.township_code like ${t}
    order by exists (select 1 from application_attachments f where f.application_id = a.id) desc, a.id limit 1`);
  const [attachment] = await sql<{ v: string }[]>`select id as v from application_attachments where application_id = ${application} order by id limit 1`;
  // A batch with a line still to pay, so that its export is allowed (one with none left is a 409).
  const batch = await one("payment batch", sql`select b.id as v from payment_batches b
    order by exists (select 1 from payment_batch_lines l where l.batch_id = b.id and l.status = 'pending') desc, b.id limit 1`);
  const [active] = await sql<{ p: string; v: number }[]>`select policy_id as p, version as v from policy_versions where status = 'active' order by id limit 1`;
  const [draft] = await sql<{ p: string; v: number }[]>`select policy_id as p, version as v from policy_versions where status = 'draft' order by id limit 1`;
  if (!active || !draft) throw new Error("the seeded demo database has no active or no draft policy version");
  return {
    person: await one("person", sql`select id as v from people where division_code like ${t} order by id limit 1`),
    application,
    // An application without files: any well-formed id (the case is checked first; 404 when allowed).
    attachment: attachment?.v ?? "00000000-0000-7000-8000-000000000000",
    notice: await one("notice", sql`select id as v from notices where township_code like ${t} order by id limit 1`),
    flag: await one("monitoring flag", sql`select f.id as v from monitoring_flags f join people p on p.id = f.person_id
      where p.division_code like ${t} order by f.id limit 1`),
    batch,
    batchLine: await one("payment line", sql`select id as v from payment_batch_lines where batch_id = ${batch} order by id limit 1`),
    user: await one("user", sql`select id as v from users where username = 'yibao.clerk'`),
    policyId: active.p,
    policyVersion: String(active.v),
    draftPolicyId: draft.p,
    draftVersion: String(draft.v),
    month: await one("consolidation", sql`select month as v from consolidations order by month desc limit 1`),
    // 公示 shows a village only while one of its notices is in its window (Beijing date).
    village: await one("notice in its window", sql`select village_code as v from notices where status = 'published'
      and (now() at time zone 'Asia/Shanghai')::date between window_start and window_end order by village_code limit 1`),
    reportKind: "monthly",
  };
}

// ── what "nothing changed" means ──

const WATCHED_TABLES = [
  "applications", "application_transitions", "application_attachments", "application_documents", "application_receipts",
  "payment_batches", "payment_batch_lines", "application_recoveries", "household_surveys",
  "notices", "notice_rows", "notice_objections", "monitoring_flags",
  "roster_submissions", "consolidations", "person_categories", "policy_versions", "policy_activations",
  "enrolments", "subsidies", "unenrolled_cases", "unenrolled_case_events", "claim_imports", "enrolment_imports",
  "claims", "holiday_schedules", "api_tokens", "user_totp",
] as const;

/** e2e/helpers/db.ts's fingerprint (users, people, divisions) and an md5 of every row of the tables a refused call could touch. */
async function walkFingerprint(): Promise<string> {
  const parts = [await dataFingerprint(sql)];
  for (const table of WATCHED_TABLES) {
    const [row] = await sql<{ f: string }[]>`select count(*)::text || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as f from ${sql(table)} t`;
    parts.push(`${table}=${row!.f}`);
  }
  return parts.join(" ");
}
