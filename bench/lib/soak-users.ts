// Simulated users of the soak (bench/soak.ts, and its short run in
// e2e/soak-short.spec.ts): each user is a loop with no think time over plain
// HTTP (fetch, no browser), as an API token, a signed-in session (next-auth's
// credentials callback with its CSRF token, as e2e/helpers/login.ts does) or an
// anonymous visitor. Node only, no project imports, so Playwright can load it.
//
// Writes are ones the product offers over /api/v1 and that are safe to repeat:
// a township clerk accepts a new on-application case (POST
// /api/v1/applications), begins its review and records the household survey
// (POST …/transitions), then starts again with a new case. Every write the
// server acknowledged (201/200) is kept, to be looked for in the database
// afterwards (verifyWrites's query is the caller's).

export type SoakAuth = { kind: "token"; token: string } | { kind: "session"; username: string; password: string } | { kind: "anonymous" };

/**
 * township: its township's queue, its own cases, and the writes (needs `people` of its township);
 * county:   the county's queue, all states, a few pages;
 * stats:    the /api/v1/stats figures and the monthly report;
 * pages:    the portal's own pages (people list pages, the queue, notices, statistics) — a session;
 * public:   the public notice pages /gongshi (anonymous);
 * floor:    the stats route without credentials (401): the server's own floor;
 * probe:    one read API only, as the outside probe measured it (issue 14): the
 *           county's applications list, every state, page 1 (50 rows), by API token.
 */
export type SoakRole = "township" | "county" | "stats" | "pages" | "public" | "floor" | "probe";

/** The one read API of the probe mode (`npm run bench -- soak --probe`). */
export const PROBE_PATH = "/api/v1/applications?state=all";

export type SoakUser = { name: string; role: SoakRole; auth: SoakAuth; people?: string[] };

/** One acknowledged write: the case, the state it reached and the version the server answered. */
export type AckedWrite = { user: string; caseId: string; action: string; toState: string; version: number };

export type KindStats = { times: number[]; statuses: Map<number, number> };

export type SoakResult = {
  seconds: number;
  kinds: Map<string, KindStats>;
  writes: AckedWrite[];
  /** Requests that got no answer at all (connection refused or reset). */
  failures: { kind: string; message: string }[];
  /** The first answers with status ≥ 500 (status, kind, start of the body). */
  serverErrors: { kind: string; status: number; body: string }[];
};

export type SoakScene = {
  baseUrl: string;
  users: SoakUser[];
  /** Village codes with public notices, for /gongshi/{code}. */
  villages: string[];
  /** The Beijing date of today (acceptedOn, surveyedOn). */
  today: string;
  seconds: number;
};

const TOWNSHIP_CLERKS = ["taohong.clerk", "xiaoshajiang.clerk", "jinshiqiao.clerk", "simenqian.clerk"] as const;
const PAGE_ACCOUNTS = ["yibao.clerk", "yibao.manager", "yibao.reviewer"] as const;
/** Ten users' roles, repeated: 4 township clerks, 2 statistics, 2 portal pages, 1 county queue, 1 public. */
const PATTERN: SoakRole[] = ["township", "stats", "pages", "township", "county", "township", "stats", "pages", "township", "public"];

/**
 * `n` users of the demo county in the soak's mix. An account with a token in
 * `tokens` is used by token for every other user of its role, by a session for
 * the rest; without tokens every user signs in (the short run in e2e).
 * `people`: person ids by township clerk's username.
 */
export function mixUsers(n: number, opts: { password: string; tokens?: Record<string, string>; people: Record<string, string[]> }): SoakUser[] {
  const seen = new Map<SoakRole, number>();
  return Array.from({ length: n }, (_, i): SoakUser => {
    const role = PATTERN[i % PATTERN.length]!;
    const k = seen.get(role) ?? 0;
    seen.set(role, k + 1);
    const as = (username: string): SoakAuth => {
      const token = opts.tokens?.[username];
      return token && k % 2 === 0 ? { kind: "token", token } : { kind: "session", username, password: opts.password };
    };
    switch (role) {
      case "township": {
        const clerk = TOWNSHIP_CLERKS[k % TOWNSHIP_CLERKS.length]!;
        return { name: `${role}-${i}`, role, auth: as(clerk), people: opts.people[clerk] ?? [] };
      }
      case "county":
        return { name: `${role}-${i}`, role, auth: as("yibao.reviewer") };
      case "stats":
        return { name: `${role}-${i}`, role, auth: as("yibao.manager") };
      case "pages":
        return { name: `${role}-${i}`, role, auth: { kind: "session", username: PAGE_ACCOUNTS[k % PAGE_ACCOUNTS.length]!, password: opts.password } };
      default:
        return { name: `${role}-${i}`, role, auth: { kind: "anonymous" } };
    }
  });
}

/** The township of each demo township clerk (the first 9 digits of its code), whose people it may accept cases for. */
export const TOWNSHIP_OF_CLERK: Record<string, string> = {
  "taohong.clerk": "430524100",
  "xiaoshajiang.clerk": "430524101",
  "jinshiqiao.clerk": "430524102",
  "simenqian.clerk": "430524103",
};
/** `$1` a township prefix with `%`: some of its people, for intake. */
export const SCENE_PEOPLE_SQL = "select id::text as id from people where division_code like $1 order by id limit 200";
/** `$1` today: the villages /gongshi lists (published notices whose window holds today). */
export const SCENE_VILLAGES_SQL = "select distinct village_code as code from notices where status = 'published' and window_start <= $1::date and window_end >= $1::date";

/** Today's date in Beijing. */
export function beijingToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

type Jar = Map<string, string>;

function storeCookies(jar: Jar, res: Response) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    if (eq > 0) jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
}

function cookieHeader(jar: Jar): string {
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

/** Signs in through next-auth's credentials callback; the jar then holds the session cookie. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<Jar> {
  const jar: Jar = new Map();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  storeCookies(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ username, password, csrfToken, callbackUrl: "/" }).toString(),
    redirect: "manual",
  });
  storeCookies(jar, answer);
  const location = answer.headers.get("location") ?? "";
  await answer.arrayBuffer();
  if (answer.status !== 302 || /error=/.test(location)) throw new Error(`sign-in of ${username} refused (${answer.status} ${location})`);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in of ${username} set no session cookie`);
  return jar;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/** Runs every user's loop for `scene.seconds` and returns what each kind of request took. */
export async function runSoak(scene: SoakScene): Promise<SoakResult> {
  const result: SoakResult = { seconds: scene.seconds, kinds: new Map(), writes: [], failures: [], serverErrors: [] };
  const jars = new Map<string, Jar>();
  for (const u of scene.users) if (u.auth.kind === "session") jars.set(u.name, await signIn(scene.baseUrl, u.auth.username, u.auth.password));
  const deadline = Date.now() + scene.seconds * 1000;
  await Promise.all(scene.users.map((u) => userLoop(scene, u, jars.get(u.name) ?? null, deadline, result)));
  return result;
}

type Call = { status: number; body: string };

async function userLoop(scene: SoakScene, user: SoakUser, jar: Jar | null, deadline: number, result: SoakResult) {
  const call = async (kind: string, path: string, init: { method?: string; json?: unknown } = {}): Promise<Call | null> => {
    const headers: Record<string, string> = {};
    if (user.auth.kind === "token") headers.authorization = `Bearer ${user.auth.token}`;
    if (jar) headers.cookie = cookieHeader(jar);
    if (init.json !== undefined) headers["content-type"] = "application/json";
    const started = performance.now();
    try {
      const res = await fetch(`${scene.baseUrl}${path}`, {
        method: init.method ?? "GET",
        headers,
        body: init.json === undefined ? undefined : JSON.stringify(init.json),
        redirect: "manual",
      });
      const body = await res.text();
      const ms = performance.now() - started;
      if (jar) storeCookies(jar, res);
      let stats = result.kinds.get(kind);
      if (!stats) result.kinds.set(kind, (stats = { times: [], statuses: new Map() }));
      stats.times.push(ms);
      stats.statuses.set(res.status, (stats.statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500 && result.serverErrors.length < 20) result.serverErrors.push({ kind, status: res.status, body: body.slice(0, 300) });
      return { status: res.status, body };
    } catch (err) {
      if (result.failures.length < 1000) result.failures.push({ kind, message: err instanceof Error ? err.message : String(err) });
      return null;
    }
  };

  // The township clerk's own case in progress: intake → begin_review → record_survey → a new one.
  let current = null as { id: string; state: string; version: number } | null;
  const write = async () => {
    const people = user.people ?? [];
    if (!current || current.state === "township_review_surveyed") {
      const r = await call("POST /api/v1/applications (受理)", "/api/v1/applications", {
        method: "POST",
        json: {
          personId: pick(people),
          acceptedOn: scene.today,
          filerKind: "self",
          phone: "13812345678",
          bankHolder: "压测用户",
          bankName: "中国农业银行隆回县支行",
          bankAccount: "6222021234567890123",
          diagnosisSummary: "压测：住院治疗（soak）",
          documents: ["identity", "certification", "diagnosis", "history", "receipts"].map((item) => ({ item, status: "supplied" })),
        },
      });
      if (r?.status === 201) {
        const { id } = JSON.parse(r.body) as { id: string };
        current = { id, state: "accepted", version: 1 };
        result.writes.push({ user: user.name, caseId: id, action: "accept", toState: "accepted", version: 1 });
      }
      return;
    }
    const step =
      current.state === "accepted"
        ? { action: "begin_review", version: current.version }
        : { action: "record_survey", version: current.version, surveyedOn: scene.today, visitors: "压测甲、压测乙", findings: "入户核实，情况属实（soak）", householdSituation: "家庭收入低，因病支出大" };
    const r = await call(`POST /api/v1/applications/{id}/transitions (${step.action})`, `/api/v1/applications/${current.id}/transitions`, { method: "POST", json: step });
    if (r?.status === 200) {
      const answer = JSON.parse(r.body) as { state: string; version: number };
      result.writes.push({ user: user.name, caseId: current.id, action: step.action, toState: answer.state, version: answer.version });
      current = { id: current.id, state: step.action === "record_survey" ? "township_review_surveyed" : answer.state, version: answer.version };
    } else if (r && r.status < 500) {
      current = null; // refused (e.g. a 429): leave that case and start a new one
    }
  };

  const figures = ["coverage", "subsidy", "payments", "applications", "monitoring"];
  while (Date.now() < deadline) {
    const dice = Math.random();
    switch (user.role) {
      case "floor":
        await call("GET /api/v1/stats/coverage without credentials (401 floor)", "/api/v1/stats/coverage");
        break;
      case "probe":
        await call(`GET ${PROBE_PATH} (one read API)`, PROBE_PATH);
        break;
      case "township":
        if (dice < 0.3) await write();
        else if (dice < 0.6) await call("GET /api/v1/applications (queue)", "/api/v1/applications");
        else if (dice < 0.8) await call("GET /api/v1/applications (queue)", `/api/v1/applications?state=all&page=${1 + Math.floor(Math.random() * 2)}`);
        else if (current) await call("GET /api/v1/applications/{id}", `/api/v1/applications/${current.id}`);
        else await call("GET /api/v1/applications (queue)", "/api/v1/applications?state=all");
        break;
      case "county":
        await call("GET /api/v1/applications (queue)", dice < 0.5 ? "/api/v1/applications" : `/api/v1/applications?state=all&page=${1 + Math.floor(Math.random() * 3)}`);
        break;
      case "stats":
        if (dice < 0.9) await call("GET /api/v1/stats/{figure}", `/api/v1/stats/${pick(figures)}`);
        else await call("GET /api/v1/stats/reports/monthly", "/api/v1/stats/reports/monthly");
        break;
      case "pages":
        if (dice < 0.4) await call("GET /people (page)", `/people?page=${1 + Math.floor(Math.random() * 20)}`);
        else if (dice < 0.6) await call("GET /applications (page)", "/applications");
        else if (dice < 0.8) await call("GET /notices (page)", "/notices");
        else await call("GET /stats (page)", "/stats");
        break;
      case "public":
        if (dice < 0.3 || scene.villages.length === 0) await call("GET /gongshi", "/gongshi");
        else await call("GET /gongshi/{village}", `/gongshi/${pick(scene.villages)}`);
        break;
    }
  }
}

/** The percentile p (0–100) of sorted times. */
export function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]! : NaN;
}

export function statusCount(result: SoakResult, test: (status: number) => boolean): number {
  let n = 0;
  for (const k of result.kinds.values()) for (const [status, c] of k.statuses) if (test(status)) n += c;
  return n;
}

/** The table of the run: per kind and overall, requests, requests/s, p50/p95/p99, 2xx/3xx/4xx/5xx. */
export function soakTable(result: SoakResult, label = "all"): string {
  const rows: string[] = ["| kind | requests | requests/s | p50 | p95 | p99 | 2xx | 3xx | 4xx | 5xx |", "|---|---|---|---|---|---|---|---|---|---|"];
  const line = (name: string, times: number[], statuses: Map<number, number>) => {
    const sorted = [...times].sort((a, b) => a - b);
    const by = (lo: number) => [...statuses].filter(([s]) => s >= lo && s < lo + 100).reduce((a, [, c]) => a + c, 0);
    rows.push(
      `| ${name} | ${sorted.length.toLocaleString("en")} | ${(sorted.length / result.seconds).toFixed(1)} | ${percentile(sorted, 50).toFixed(0)} ms | ${percentile(sorted, 95).toFixed(0)} ms | ${percentile(sorted, 99).toFixed(0)} ms | ${by(200)} | ${by(300)} | ${by(400)} | ${by(500)} |`,
    );
  };
  const all: number[] = [];
  const allStatuses = new Map<number, number>();
  for (const [name, k] of [...result.kinds].sort(([a], [b]) => a.localeCompare(b))) {
    line(name, k.times, k.statuses);
    for (const t of k.times) all.push(t);
    for (const [s, c] of k.statuses) allStatuses.set(s, (allStatuses.get(s) ?? 0) + c);
  }
  line(`**${label}**`, all, allStatuses);
  return rows.join("\n");
}

/**
 * What the database holds for the acknowledged writes' cases, for both drivers
 * (`$1` is a PostgreSQL array literal of the ids, see caseIdsParam): each
 * case's version, its transitions' actions and whether a survey is stored.
 */
export const STORED_WRITES_SQL = `
  select a.id::text as "caseId", a.version,
         exists (select 1 from household_surveys s where s.application_id = a.id) as surveyed,
         coalesce((select string_agg(t.action, ',') from application_transitions t where t.application_id = a.id), '') as actions
  from applications a where a.id = any($1::uuid[])`;

export type StoredCase = { caseId: string; version: number; surveyed: boolean; actions: string };

export function caseIdsParam(writes: AckedWrite[]): string {
  return `{${[...new Set(writes.map((w) => w.caseId))].join(",")}}`;
}

/**
 * Acknowledged writes against what the database holds: a write is found when
 * its case is stored at that version or later, with the intake's or the
 * step's transition row, or with the survey (a survey has no transition).
 */
export function checkWrites(writes: AckedWrite[], stored: StoredCase[]): { acknowledged: number; found: number; missing: AckedWrite[] } {
  const byId = new Map(stored.map((s) => [s.caseId, s]));
  const missing = writes.filter((w) => {
    const s = byId.get(w.caseId);
    if (!s || Number(s.version) < w.version) return true;
    return w.action === "record_survey" ? !s.surveyed : !s.actions.split(",").includes(w.action);
  });
  return { acknowledged: writes.length, found: writes.length - missing.length, missing };
}
