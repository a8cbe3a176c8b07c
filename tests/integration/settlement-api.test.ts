import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { CliIO } from "@/cli/command";
import { settleCommand } from "@/cli/commands/settle";
import { subsidyCommand } from "@/cli/commands/subsidy";
import { apiTokens, auditLog } from "@/db/schema";
import { issueApiToken } from "@/lib/api-tokens/issue-api-token";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { actorFromToken } from "@/lib/auth/token-actor";
import { activatePolicyVersion } from "@/lib/policies/activate-policy-version";
import { ContractInputError } from "@/lib/policies/domain/contract-input-error";
import { copyPolicyVersion } from "@/lib/policies/copy-policy-version";
import { getPolicyDraft } from "@/lib/policies/get-policy-draft";
import { savePolicyDraft } from "@/lib/policies/save-policy-draft";
import { settleForApi } from "@/lib/policies/settle-for-api";
import { subsidyForApi } from "@/lib/policies/subsidy-for-api";
import { SEED_STEPS } from "@/seed/steps";
import { drivers, scratchDb, type DriverName, type Scratch } from "../helpers/scratch-db";
import { contextOf } from "../helpers/seeded";

/**
 * The seed steps this capability needs, as `npm start` runs them: presets,
 * the demo county and its policy. Other capabilities' demo data (rosters,
 * enrolment) is left out; it takes time and plays no part here.
 */
async function policySeededDb(driver: DriverName): Promise<Scratch> {
  const s = await scratchDb(driver);
  for (const step of SEED_STEPS.filter((st) => ["policy presets", "demo county", "county policy"].includes(st.name))) await step.run(s.handle);
  return s;
}

/** What the CLI prints for the same request (docs/cli.md). */
async function cli(command: typeof settleCommand, request: unknown): Promise<unknown> {
  const out: string[] = [];
  const io: CliIO = { stdout: (t) => out.push(t), stderr: () => undefined, readText: async () => JSON.stringify(request) };
  expect(await command.run(["req.json"], io)).toBe(0);
  return JSON.parse(out.join(""));
}

async function inputError(promise: Promise<unknown>): Promise<ReturnType<ContractInputError["body"]>> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ContractInputError) return err.body();
    throw err;
  }
  throw new Error("expected a ContractInputError");
}

async function rejection(promise: Promise<unknown>): Promise<{ code?: string; field?: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    return err as { code?: string; field?: string; message: string };
  }
  throw new Error("expected a rejection");
}

const claim = (id: string, date: string, extra: Record<string, unknown> = {}) => ({
  id, date, setting: "inpatient", hospitalLevel: 2, policyScopeCost: "80000", outOfScopeCost: "2000", ...extra,
});
// 邵阳 003 §三(八): a monitored person's on-application claims, deductible 6000, 50 %.
const shaoyang = {
  policy: "shaoyang-2021",
  person: { category: "monitored" },
  parameters: { priorYearIncome: "29500" },
  claims: [claim("A2", "2025-07-01", { onApplication: true, basicPaid: "20000", criticalPaid: "5000" }), claim("A1", "2025-03-01", { onApplication: true })],
};

describe.each(drivers())("settlement and subsidy API use cases on %s", (driver) => {
  let s: Scratch;
  beforeAll(async () => {
    s = await policySeededDb(driver);
  });
  afterAll(async () => s?.drop());
  const clerk = () => contextOf(s, "yibao.clerk");
  const body = (value: unknown) => JSON.stringify(value);

  it("a stored policy id settles exactly like the CLI does on the same rules", async () => {
    const ctx = await clerk();
    // The stored version 1 of a preset is the shipped preset.
    const viaPreset = await settleForApi(ctx, body(shaoyang), { viaToken: false });
    expect(viaPreset).toEqual(await cli(settleCommand, shaoyang));
    expect(viaPreset.totals.assistance).not.toBe("0.00");

    // 隆回县's version is 邵阳's rules with its 2025 income filled in (29500): same figures, its own id.
    const { parameters: _p, ...withoutParameters } = shaoyang;
    const viaStored = await settleForApi(ctx, body({ ...withoutParameters, policy: "longhui-2026" }), { viaToken: false });
    expect({ ...viaStored, policy: "shaoyang-2021" }).toEqual(viaPreset);
    expect(viaStored.monitoring?.threshold).toBe("7375.00");
  });

  it("names the field of each mistake in the contract's words and in Chinese", async () => {
    const ctx = await clerk();
    const negative = await inputError(settleForApi(ctx, body({ ...shaoyang, claims: [claim("A1", "2025-03-01"), claim("A2", "2025-04-01", { policyScopeCost: "-5" })] }), { viaToken: false }));
    expect(negative).toEqual({ error: 'claims[1].policyScopeCost: "-5" is negative', field: "claims[1].policyScopeCost", message: "第2笔：政策范围内费用不能为负数" });

    const unknown = await inputError(settleForApi(ctx, body({ ...shaoyang, policy: "nowhere-2025" }), { viaToken: false }));
    expect(unknown.field).toBe("policy");
    expect(unknown.error).toMatch(/^policy: unknown policy "nowhere-2025" \(known: chengkou-2022, .*shaoyang-2021.*longhui-2026\)$/);
    expect(unknown.message).toBe("政策：找不到政策 nowhere-2025");

    expect(await inputError(settleForApi(ctx, "{ \"policy\": ", { viaToken: false }))).toMatchObject({ field: "input", error: expect.stringMatching(/^input: not valid JSON/) });
    const early = await inputError(settleForApi(ctx, body({ ...shaoyang, policy: "longhui-2026", claims: [claim("A1", "2021-08-31")] }), { viaToken: false }));
    expect(early).toMatchObject({ field: "claims[0].date", message: "第1笔：就医日期 2021-08-31 早于政策 longhui-2026 的生效日期 2021-09-01" });
    // A category no rule names is no mistake: it settles, and the trace says why no assistance (docs/policy.md §1).
    const veteran = await settleForApi(ctx, body({ ...shaoyang, person: { category: "priority_veteran" } }), { viaToken: false });
    expect(veteran.totals.assistance).toBe("0.00");
    expect(veteran.claims[0]!.trace.map((t) => t.rule).join("\n")).toContain("本政策对在乡重点优抚对象未配置医疗救助规则");
  });

  it("a request whose claims fall under two versions of a stored policy is refused; a draft is never used", async () => {
    const manager = await contextOf(s, "yibao.manager");
    await copyPolicyVersion(manager, { policyId: "shaoyang-2021", version: 1 }, { targetPolicyId: "draft-only", name: "未启用的草稿" });
    const draftOnly = await inputError(settleForApi(await clerk(), body({ ...shaoyang, policy: "draft-only" }), { viaToken: false }));
    expect(draftOnly.error).toMatch(/^policy: unknown policy "draft-only"/);

    const v2 = await copyPolicyVersion(manager, { policyId: "longhui-2026", version: 1 }, { targetPolicyId: "longhui-2026", name: "隆回县医疗救助政策（2027年修订）" });
    // While version 2 is a draft, a 2027 claim is still settled under version 1 (open-ended): its 2027 income is missing.
    const before = await settleForApi(await clerk(), body({ ...shaoyang, policy: "longhui-2026", parameters: undefined, claims: [claim("A1", "2027-02-01")] }), { viaToken: false });
    expect(before.monitoring?.threshold).toBeNull();
    const next = JSON.parse((await getPolicyDraft(manager, "longhui-2026", "2")).json);
    next.effectiveFrom = "2027-01-01";
    next.parameters.values.push({ year: 2027, name: "priorYearIncome", value: "32000", source: { doc: "003", paragraph: "§三(八)", defaulted: true, note: "测试数据" } });
    await savePolicyDraft(manager, v2, { json: JSON.stringify(next) });
    await activatePolicyVersion(manager, v2, { activeFrom: "2027-01-01", confirmOverlap: true });

    const split = await inputError(
      settleForApi(await clerk(), body({ ...shaoyang, policy: "longhui-2026", claims: [claim("A1", "2026-12-01"), claim("A2", "2027-02-01")] }), { viaToken: false }),
    );
    expect(split.field).toBe("claims[1].date");
    expect(split.message).toBe("第2笔：就医日期 2027-02-01 适用政策 longhui-2026 第 2 版（2027-01-01 起），而第1笔适用第 1 版：请按版本分开提交");
    const in2027 = await settleForApi(await clerk(), body({ ...shaoyang, policy: "longhui-2026", parameters: undefined, claims: [claim("A1", "2027-02-01")] }), { viaToken: false });
    expect(in2027.monitoring?.threshold).toBe("8000.00");
  });

  it("subsidy: the same JSON as the CLI, for a preset and a stored policy", async () => {
    const ctx = await clerk();
    const request = { policy: "shaoyang-2021", year: 2025, category: "dibao", tier: 1, contribution: { tier1: "400" }, feeExempt: false };
    const viaPreset = await subsidyForApi(ctx, body(request), { viaToken: false });
    expect(viaPreset).toEqual(await cli(subsidyCommand, request));
    expect(await subsidyForApi(ctx, body({ ...request, policy: "longhui-2026" }), { viaToken: false })).toEqual(viaPreset);
    const bad = await inputError(subsidyForApi(ctx, body({ ...request, contribution: { tier1: "-5" } }), { viaToken: false }));
    expect(bad).toMatchObject({ field: "contribution.tier1", message: "一档个人缴费标准不能为负数" });
  });

  it("tokens: issued once, verified by hash, limited to their account; a revoked token is refused", async () => {
    const admin = await contextOf(s, "admin");
    const accounts = (await listApiTokens(admin)).accounts;
    const account = accounts.find((a) => a.username === "yibao.clerk")!;
    expect(accounts.map((a) => a.username)).not.toContain("admin"); // holds no API action
    const issued = await issueApiToken(admin, { name: "县人民医院收费系统", userId: account.id, actions: ["settlement.trial"] });
    expect(issued.token).toMatch(/^yjz_[A-Za-z0-9_-]{32}$/);
    const [stored] = await s.handle.db.select().from(apiTokens).where(eq(apiTokens.id, issued.id));
    expect(stored!.tokenHash).not.toContain(issued.token);
    expect(stored!.prefix).toBe(issued.token.slice(0, 12));
    const issueAudit = await s.handle.db.select().from(auditLog).where(eq(auditLog.action, "api_tokens.issue"));
    expect(JSON.stringify(issueAudit)).not.toContain(issued.token);

    const found = await actorFromToken(s.handle.db, issued.token, { ip: "10.0.0.9", userAgent: "his" });
    expect(found?.actor.user.username).toBe("yibao.clerk");
    expect(found?.allowedActions).toEqual(["settlement.trial"]);
    const viaToken = await settleForApi({ db: s.handle.db, actor: found!.actor }, body(shaoyang), { viaToken: true });
    // The same figures as a signed-in user and the CLI get for the same request.
    expect(viaToken).toEqual(await cli(settleCommand, shaoyang));
    const used = await s.handle.db.select().from(auditLog).where(eq(auditLog.action, "api.settlement"));
    expect(used).toMatchObject([{ username: "yibao.clerk", objectId: "shaoyang-2021", userAgent: `his [token ${issued.prefix}]`, detail: { claims: 2 } }]);
    const listed = (await listApiTokens(admin)).tokens.find((t) => t.id === issued.id)!;
    expect(listed.lastUsedAt).not.toBeNull();
    expect(Object.keys(listed)).not.toContain("tokenHash");

    await revokeApiToken(admin, issued.id);
    expect(await actorFromToken(s.handle.db, issued.token, { ip: null, userAgent: null })).toBeNull();
    expect((await rejection(revokeApiToken(admin, issued.id))).message).toContain("已于此前吊销");
    expect(await s.handle.db.select().from(auditLog).where(and(eq(auditLog.action, "api_tokens.revoke"), eq(auditLog.objectId, String(issued.id))))).toHaveLength(1);
    expect(await actorFromToken(s.handle.db, "yjz_not-a-real-token", { ip: null, userAgent: null })).toBeNull();
  });

  it("a token is only issued for an account that can use it, by an administrator", async () => {
    const admin = await contextOf(s, "admin");
    expect((await listApiTokens(admin)).accounts.map((a) => a.username)).toContain("taohong.clerk");
    const all = await s.handle.db.query.users.findMany();
    const caizheng = all.find((u) => u.username === "caizheng.viewer")!;
    const refused = await rejection(issueApiToken(admin, { name: "财政", userId: caizheng.id, actions: ["settlement.trial"] }));
    expect(refused).toMatchObject({ field: "actions", message: expect.stringContaining("没有“救助试算”权限") });
    expect((await rejection(issueApiToken(admin, { name: "", userId: caizheng.id, actions: ["settlement.trial"] }))).field).toBe("name");
    expect((await rejection(issueApiToken(await clerk(), { name: "x", userId: caizheng.id, actions: ["settlement.trial"] }))).code).toBe("forbidden");
    // A signed-in user without 救助试算 cannot call the API either.
    expect((await rejection(settleForApi(await contextOf(s, "caizheng.viewer"), body(shaoyang), { viaToken: false }))).code).toBe("forbidden");
  });
});
