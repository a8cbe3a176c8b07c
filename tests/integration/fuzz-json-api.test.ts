import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { POST as intakePost } from "@/app/api/v1/applications/route";
import { POST as batchPost } from "@/app/api/v1/payment-batches/route";
import { POST as settlementPost } from "@/app/api/v1/settlement/route";
import { POST as subsidyPost } from "@/app/api/v1/subsidy/route";
import type { ApiTokenAction } from "@/lib/api-tokens/domain/token-actions";
import { issueApiToken } from "@/lib/api-tokens/issue-api-token";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { seedDemoPolicy } from "@/seed/policies";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// Fuzz suite for the JSON entry points of /api/v1 (issue 14, bad input):
// POST /api/v1/settlement, /api/v1/subsidy, /api/v1/payment-batches and
// /api/v1/applications (受理) through their real route handlers (apiRoute, an
// API token, the process database pointed at a scratch one), as
// json-body-limit.test.ts and payment-batches-api.test.ts call them.
// fast-check generates malformed bodies: a valid request with one field set to
// a wrong type, a 30-digit / negative / NaN / full-width / U+202E / control-
// character value, the field removed or an extra one added; arbitrary JSON;
// deep nesting; non-JSON bytes; the empty body. Every answer is < 500; every
// refusal is a 4xx whose message is Chinese and, for a 400, names the field;
// the database is unchanged (row count and md5 of every table's rows, the
// audit log and its hash chain and the API tokens' last use excepted — a
// token's settlement trial is audited). The requests that may legitimately succeed only read (settlement,
// subsidy) or cannot (payment batches: no case is approved; intake: the
// person does not exist).
//
// Runs: FUZZ_RUNS per entry point and driver, 150 by default (`npm test`);
// the long run is `FUZZ_RUNS=20000 npx vitest run tests/integration/fuzz-json-api.test.ts`
// (with TEST_DATABASE_URL for PostgreSQL too).

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const TIMEOUT = Math.max(240_000, RUNS * 200);
const globalForDb = globalThis as unknown as { portalDb?: Promise<unknown> };
const CJK = /[\u4e00-\u9fff]/;

// ---- generators -----------------------------------------------------------

const DELETE = Symbol("delete");
type Path = (string | number)[];

/** Values no field of these requests accepts — or accepts only by luck. */
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null, true, false, 0, -1, -0.005, 1e308, -1e308, 2 ** 53 + 1, "", " ", "NaN", "Infinity", "-Infinity", "-5", "-0.001", "1e309", "0x10", "1_000",
    "123456789012345678901234567890", "-123456789012345678901234567890", "123456789012345678901234567890.12", "0.000000000000000000000000000001",
    "１２３", "\u202E0004", "12\u0000", "\u0007\u001b[31m", "2025-02-30", "2025-13-01", "9999-99-99", "0000-00-00", "99999-01-01", "<script>alert(1)</script>",
    "'; drop table people; --", "\uD800", "𠮷𠮷", "\u202Eshaoyang-2021", "shaoyang-2021\u0000", [], {}, [null], { "": 1 }, { __proto__: { polluted: 1 } },
  ),
  fc.integer(),
  fc.double(),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map((n) => n.toString()),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ maxLength: 200 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [prefix];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
}

function setAt(value: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next === DELETE ? undefined : next;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...Path];
  const child = setAt(copy[head], rest, next);
  if (child === undefined && rest.length === 0) {
    if (Array.isArray(copy)) (copy as unknown[]).splice(head as number, 1);
    else delete copy[head];
  } else copy[head] = child;
  return copy;
}

const fieldName = (path: Path) => path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");

type Case = { body: string | Uint8Array; mutated?: Path; note: string };
/** fast-check prints a counterexample by its note, not its (possibly 20,000-level) body. */
const shortly = (c: Case): Case => Object.assign(c, { [fc.toStringMethod]: () => `«${c.note}»` });

/** Malformed bodies around a valid request `base`. */
function bodies(base: Record<string, unknown>): fc.Arbitrary<Case> {
  const paths = pathsOf(base).filter((p) => p.length > 0);
  const mutation = fc.record({ path: fc.constantFrom(...paths), value: fc.oneof({ weight: 5, arbitrary: badValue }, { weight: 1, arbitrary: fc.constant<unknown>(DELETE) }) }).map(
    ({ path, value }): Case => ({ body: JSON.stringify(setAt(base, path, value)), mutated: value === DELETE ? undefined : path, note: `${fieldName(path)} = ${value === DELETE ? "(removed)" : JSON.stringify(value)}` }),
  );
  const extra = fc.record({ key: fc.string({ unit: "binary", maxLength: 12 }), value: fc.jsonValue({ maxDepth: 2 }) }).map(
    ({ key, value }): Case => ({ body: JSON.stringify({ ...base, [key]: value }), note: `extra field ${JSON.stringify(key)}` }),
  );
  const deep = fc.record({ depth: fc.integer({ min: 1, max: 20_000 }), open: fc.constantFrom("[", '{"a":'), where: fc.constantFrom(...paths) }).map(({ depth, open, where }): Case => {
    const close = open === "[" ? "]" : "}";
    const nested = `${open.repeat(depth)}1${close.repeat(depth)}`;
    // The nesting in place of one field of a valid request (valid JSON), or as the whole body.
    const marker = "\u0001NEST\u0001";
    const text = depth % 2 ? JSON.stringify(setAt(base, where, marker)).replace(JSON.stringify(marker), nested) : nested;
    return { body: text, note: `nesting ${depth} at ${depth % 2 ? fieldName(where) : "top"}` };
  });
  const anyJson = fc.jsonValue({ maxDepth: 4 }).map((v): Case => ({ body: JSON.stringify(v) ?? "", note: "arbitrary JSON" }));
  const bytes = fc.uint8Array({ maxLength: 300 }).map((b): Case => ({ body: b, note: `${b.length} arbitrary bytes` }));
  const truncated = fc.integer({ min: 0, max: 400 }).map((n): Case => {
    const text = JSON.stringify(base);
    return { body: text.slice(0, n % text.length), note: `truncated at ${n % text.length}` };
  });
  const textish = fc.constantFrom<Case>(
    { body: "", note: "empty body" },
    { body: "null", note: "null" },
    { body: "\uFEFF" + JSON.stringify(base), note: "BOM" },
    { body: JSON.stringify(base).replace(/"/g, "'"), note: "single quotes" },
    { body: JSON.stringify(base) + "garbage", note: "trailing garbage" },
    { body: new Uint8Array([0xff, 0xfe, 0x00, 0x7b, 0x7d]), note: "UTF-16 bytes" },
  );
  return fc.oneof(
    { weight: 6, arbitrary: mutation },
    { weight: 1, arbitrary: extra },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: anyJson },
    { weight: 1, arbitrary: bytes },
    { weight: 1, arbitrary: truncated },
    { weight: 1, arbitrary: textish },
  ).map(shortly);
}

// ---- the entry points -----------------------------------------------------

type Post = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type EntryPoint = { name: string; url: string; post: Post; who: string; actions: ApiTokenAction[]; base: Record<string, unknown> };

const claim = (id: string, date: string, extra: Record<string, unknown> = {}) => ({
  id, date, setting: "inpatient", hospitalLevel: 2, policyScopeCost: "80000", outOfScopeCost: "2000", ...extra,
});
const NO_SUCH_PERSON = "00000000-0000-4000-8000-000000000000";

const ENTRY_POINTS: EntryPoint[] = [
  {
    name: "POST /api/v1/settlement",
    url: "/api/v1/settlement",
    post: settlementPost as Post,
    who: "yibao.clerk",
    actions: ["settlement.trial"],
    base: {
      policy: "shaoyang-2021",
      person: { category: "monitored" },
      parameters: { priorYearIncome: "29500" },
      claims: [claim("A2", "2025-07-01", { onApplication: true, basicPaid: "20000", criticalPaid: "5000" }), claim("A1", "2025-03-01", { onApplication: true })],
    },
  },
  {
    name: "POST /api/v1/subsidy",
    url: "/api/v1/subsidy",
    post: subsidyPost as Post,
    who: "yibao.clerk",
    actions: ["settlement.trial"],
    base: { policy: "shaoyang-2021", year: 2025, category: "dibao", tier: 1, contribution: { tier1: "400" }, feeExempt: false },
  },
  {
    name: "POST /api/v1/payment-batches",
    url: "/api/v1/payment-batches",
    post: batchPost as Post,
    who: "yibao.clerk",
    actions: ["applications.pay"],
    base: { cases: [{ id: NO_SUCH_PERSON, version: 7 }, { id: "00000000-0000-4000-8000-000000000001", version: 5 }] },
  },
  {
    name: "POST /api/v1/applications",
    url: "/api/v1/applications",
    post: intakePost as Post,
    who: "taohong.clerk",
    actions: ["applications.intake"],
    base: {
      personId: NO_SUCH_PERSON,
      acceptedOn: "2026-11-16",
      filerKind: "self",
      phone: "13812345678",
      bankHolder: "王大山",
      bankName: "中国农业银行隆回县支行",
      bankAccount: "6228480012345678",
      diagnosisSummary: "急性心肌梗死，住院介入治疗",
      documents: ["identity", "certification", "diagnosis", "history", "receipts"].map((item) => ({ item, status: "supplied" })),
    },
  },
];

describe.each(drivers())("fuzzing the JSON API on %s", (driver) => {
  let s: Scratch;
  const tokens: Record<string, string> = {};
  const savedRate = process.env.API_RATE_PER_MINUTE;
  const savedAddressRate = process.env.API_ADDRESS_RATE_PER_MINUTE;

  beforeAll(async () => {
    // Thousands of calls a minute from one token: the rate limits (their own tests) are off here.
    process.env.API_RATE_PER_MINUTE = "0";
    process.env.API_ADDRESS_RATE_PER_MINUTE = "0";
    s = await seededDb(driver);
    globalForDb.portalDb = Promise.resolve(s.handle);
    await seedDemoPolicy(s.handle.db);
    const admin = await contextOf(s, "admin");
    const accounts = (await listApiTokens(admin)).accounts;
    for (const e of ENTRY_POINTS) {
      const key = `${e.who}:${e.actions.join(",")}`;
      if (tokens[key]) continue;
      const account = accounts.find((a) => a.username === e.who)!;
      tokens[key] = (await issueApiToken(admin, { name: `模糊测试 ${e.who}`, userId: account.id, actions: e.actions })).token;
    }
  }, 300_000);
  afterAll(async () => {
    if (savedRate === undefined) delete process.env.API_RATE_PER_MINUTE;
    else process.env.API_RATE_PER_MINUTE = savedRate;
    if (savedAddressRate === undefined) delete process.env.API_ADDRESS_RATE_PER_MINUTE;
    else process.env.API_ADDRESS_RATE_PER_MINUTE = savedAddressRate;
    delete globalForDb.portalDb;
    await s?.drop();
  });

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => s.handle.raw.query<T>(sql, params);

  /** Row count and md5 of the rows of every table but the audit log (audit_log, audit_chain) and the tokens (their last use changes). */
  async function fingerprint(): Promise<Record<string, string>> {
    const tables = await q<{ t: string }>(
      "select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'audit%' and table_name <> 'api_tokens' order by 1",
    );
    const out: Record<string, string> = {};
    for (const { t } of tables) {
      const [row] = await q<{ n: number; h: string }>(`select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${t}" x`);
      out[t] = `${row!.n}:${row!.h}`;
    }
    return out;
  }

  it.each(ENTRY_POINTS)("$name: malformed bodies get a Chinese 4xx naming the field, never a 5xx, and change nothing", async (e) => {
    const token = tokens[`${e.who}:${e.actions.join(",")}`]!;
    const before = await fingerprint();
    expect(Object.keys(before).length).toBeGreaterThan(10);
    expect(Number(before.people!.split(":")[0])).toBeGreaterThan(0);
    const statuses: Record<number, number> = {};
    const started = Date.now();
    const check = async (c: Case) => {
        const res = await e.post(
          new NextRequest(`http://localhost${e.url}`, { method: "POST", body: c.body as BodyInit, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } }),
          { params: Promise.resolve({}) },
        );
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        const text = await res.text();
        const where = `${e.name} ← ${c.note}: ${res.status} ${text.slice(0, 300)}`;
        expect(res.status, where).toBeLessThan(500);
        if (res.status < 400) return;
        const body = JSON.parse(text) as { error?: unknown; message?: unknown; field?: unknown };
        const message = String(body.message ?? body.error ?? "");
        expect(message, where).toMatch(CJK);
        expect(message, where).not.toMatch(/\bat .+:\d+:\d+\)?$|TypeError|RangeError|SyntaxError|undefined|\[object Object\]/m);
        if (res.status === 400 && c.mutated) {
          // A bad value in one field: the refusal names that field, or the object/array it sits in, or a field inside it.
          const mutated = fieldName(c.mutated);
          const field = String(body.field ?? "");
          expect(field, where).not.toBe("");
          // Some routes name the item rather than the index: "documents.identity" for documents[0].status, "version" for cases[1].version.
          const segments = c.mutated.map(String);
          const related =
            field === mutated || mutated.startsWith(field) || field.startsWith(mutated) || ["body", "input"].includes(field) ||
            segments.includes(field.split(/[.[\]]/).filter(Boolean).at(-1)!) || field.split(/[.[]/)[0] === segments[0];
          expect(related, `${where} (field ${field}, mutated ${mutated})`).toBe(true);
        }
    };
    // Every field of a valid request with a NUL and a control character in it, always (PostgreSQL refuses a NUL in text: that was a 500).
    for (const path of pathsOf(e.base).filter((p) => p.length > 0)) {
      for (const value of [`${JSON.stringify(e.base).length}\u0000`, "shaoyang-2021\u0000", "\u001b[0m"]) {
        await check({ body: JSON.stringify(setAt(e.base, path, value)), mutated: path, note: `${fieldName(path)} = ${JSON.stringify(value)}` });
      }
    }
    await fc.assert(fc.asyncProperty(bodies(e.base), check), { numRuns: RUNS });
    console.log(`[fuzz] ${driver} ${e.name}: ${RUNS} runs in ${((Date.now() - started) / 1000).toFixed(1)} s, statuses ${JSON.stringify(statuses)}`);
    expect(await fingerprint()).toEqual(before);
  }, TIMEOUT);
});
