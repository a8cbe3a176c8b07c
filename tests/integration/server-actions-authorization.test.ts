import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { can } from "@/lib/auth/domain/can";
import { isAction, type Action } from "@/lib/auth/domain/permissions";
import type { UseCaseContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors/app-error";
import { drivers, type DriverName, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";
import { permissionsOf, serverActions, type ServerAction } from "../helpers/server-action-scan";

// Server actions and authorization (issue 14), the companion of the HTTP walk
// e2e/authorization-walk.spec.ts.
//
// Why not call the actions: a Next server action is a POST to a page with a
// build-specific Next-Action id, and the function itself needs Next's request
// scope (headers(), the session cookie through auth()) that vitest has not.
// So this file does the two things that can be done faithfully:
//
// 1. Statically (TypeScript parser, tests/helpers/server-action-scan.ts):
//    every exported function of every "use server" file under app/ obtains
//    its actor through a guard of lib/auth/current-actor.ts (requireContext
//    and its variants, which send a signed-out or password-due session away)
//    before it calls anything else of lib/; only sign-in and sign-out
//    actions, listed below, have none. And every lib/ use case an action
//    calls checks a permission of the matrix (requirePermission, or a shared
//    step it hands one to), unless it acts on the actor's own account.
// 2. Dynamically, on a scratch database of each driver: each of those use
//    cases, called with the context of every department × role of the demo
//    accounts (tests/helpers/seeded.ts contextOf) that lacks the permission it
//    checks first (or both, for a step either the township or the county may
//    take), is refused — AppError "forbidden" — and the refusal is audited;
//    the arguments are placeholders, which a use case that checks the
//    permission first never reads. (Who may, and the jurisdiction, are the
//    use cases' own integration tests and the HTTP walk's.)

const ACCOUNTS = [
  "admin", "yibao.clerk", "yibao.reviewer", "yibao.manager", "minzheng.clerk", "xiangcun.clerk", "tuiyi.clerk",
  "canlian.clerk", "taohong.clerk", "taohong.publisher", "caizheng.viewer", "shenji.auditor",
];

/** Actions that only sign in or out: nobody is signed in yet, or the session is ending. */
const SIGN_IN_OUT: Record<string, string> = {
  "app/login/actions.ts#loginAction": "the sign-in itself (next-auth's credentials check, lock and throttle)",
  "app/(portal)/actions.ts#logoutAction": "ends the caller's own session",
  "app/account/password/actions.ts#logoutFromPasswordPage": "ends the caller's own session",
  "app/account/security/actions.ts#logoutFromSecurityPage": "ends the caller's own session",
  "app/login/verify/actions.ts#backToLoginAction": "ends the session waiting for its code",
};

/** Use cases on the actor's own account: no permission of the matrix, the guard's session is the check. */
const OWN_ACCOUNT: Record<string, string> = {
  "@/lib/auth/change-own-password": "the signed-in user's own password, proving the current one",
  "@/lib/auth/enrol-second-factor": "the signed-in user's own second factor",
  "@/lib/auth/disable-second-factor": "the signed-in user's own second factor, proving a code or the password",
  "@/lib/auth/regenerate-recovery-codes": "the signed-in user's own recovery codes, proving a code",
  "@/lib/auth/verify-second-factor": "the code of the session waiting for it (requireAwaitingSecondFactor)",
};

const PLACEHOLDER_ID = "00000000-0000-7000-8000-000000000000";

const actions = serverActions();
const key = (a: ServerAction) => `${a.file}#${a.name}`;

describe("server actions (static)", () => {
  it("finds the actions", () => {
    expect(actions.length).toBeGreaterThan(60);
  });

  it("every action obtains its actor through a guard before calling anything else of lib/", () => {
    const wrong: string[] = [];
    for (const a of actions) {
      if (SIGN_IN_OUT[key(a)]) {
        const other = a.calls.filter((c) => c.kind !== "session");
        if (other.length > 0) wrong.push(`${key(a)} is listed as sign-in/out but calls ${other.map((c) => c.name).join(", ")}`);
        continue;
      }
      const first = a.calls.find((c) => c.kind !== "session");
      if (!first) wrong.push(`${key(a)} calls no guard (requireContext …)`);
      else if (first.kind !== "guard") wrong.push(`${key(a)} calls ${first.name} (${first.module}) before any guard`);
    }
    expect(wrong).toEqual([]);
    for (const k of Object.keys(SIGN_IN_OUT)) expect(actions.map(key), `stale SIGN_IN_OUT entry ${k}`).toContain(k);
  });

  it("every use case an action calls checks a permission of the matrix, or acts on the actor's own account", () => {
    const wrong: string[] = [];
    for (const { module, name } of useCases()) {
      if (OWN_ACCOUNT[module]) continue;
      const { file, permissions } = permissionsOf(module);
      if (!file) wrong.push(`${name}: ${module} not found`);
      else if (permissions.length === 0) wrong.push(`${name} (${file}) checks no permission`);
      else if (!permissions.every(isAction)) wrong.push(`${name} (${file}): unknown permission in ${permissions.join(", ")}`);
    }
    expect(wrong).toEqual([]);
  });
});

/** Each lib/ use case called by some action, once. */
function useCases(): { module: string; name: string; by: string[] }[] {
  const found = new Map<string, { module: string; name: string; by: string[] }>();
  for (const a of actions) {
    for (const c of a.calls.filter((c) => c.kind === "use-case")) {
      const k = `${c.module}#${c.name}`;
      if (!found.has(k)) found.set(k, { module: c.module, name: c.name, by: [] });
      found.get(k)!.by.push(key(a));
    }
  }
  return [...found.values()].sort((a, b) => a.module.localeCompare(b.module) || a.name.localeCompare(b.name));
}

describe.each(drivers())("the use cases behind the server actions refuse every role without their permission (%s)", (driver: DriverName) => {
  let s: Scratch;
  const contexts = new Map<string, UseCaseContext>();

  beforeAll(async () => {
    s = await seededDb(driver);
    for (const username of ACCOUNTS) contexts.set(username, await contextOf(s, username));
  });
  afterAll(async () => s?.drop());

  const gated = useCases().filter((u) => !OWN_ACCOUNT[u.module]);

  it.each(gated.map((u) => [`${u.name} (${u.module})`, u] as const))("%s", async (_label, u) => {
    const gate = permissionsOf(u.module).gate as Action[];
    const mod = (await import(/* @vite-ignore */ u.module)) as Record<string, unknown>;
    const fn = mod[u.name];
    expect(typeof fn, `${u.module} exports ${u.name}`).toBe("function");
    const refused: string[] = [];
    const wrong: string[] = [];
    for (const [username, ctx] of contexts) {
      if (gate.some((g) => can(ctx.actor.user, g))) continue;
      const before = await refusalsOf(username);
      const outcome = await (fn as (...args: unknown[]) => Promise<unknown>)(ctx, PLACEHOLDER_ID, {}, {}).then(
        () => "completed",
        (err: unknown) => (err instanceof AppError ? err.code : `threw ${(err as Error)?.message ?? err}`),
      );
      if (outcome !== "forbidden") wrong.push(`${username} (without ${gate.join(" or ")}): ${outcome}`);
      else if ((await refusalsOf(username)) <= before) wrong.push(`${username}: refused but not audited`);
      else refused.push(username);
    }
    expect(wrong, `${u.name}, gate ${gate.join(" or ")}, called by ${u.by.join(", ")}`).toEqual([]);
    // Every use case has someone to refuse: the auditor holds no permission over people's data.
    expect(refused.length).toBeGreaterThan(0);
  });

  async function refusalsOf(username: string): Promise<number> {
    const [row] = await s.handle.db.select({ n: count() }).from(auditLog)
      .where(and(eq(auditLog.username, username), eq(auditLog.outcome, "refused")));
    return row!.n;
  }
});
