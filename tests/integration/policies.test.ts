import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, like } from "drizzle-orm";
import { bulkTransaction } from "@/db/bulk";
import { policyInForceOn } from "@/db/queries/enrolment-subsidies";
import { auditLog, policyActivations, policyVersions } from "@/db/schema";
import { divisionChain } from "@/lib/divisions/domain/division-chain";
import { activatePolicyVersion } from "@/lib/policies/activate-policy-version";
import { copyPolicyVersion } from "@/lib/policies/copy-policy-version";
import { getPolicyVersion } from "@/lib/policies/get-policy-version";
import { listPolicies } from "@/lib/policies/list-policies";
import { policyForClaimDate } from "@/lib/policies/policy-for-claim-date";
import { savePolicyDraft } from "@/lib/policies/save-policy-draft";
import { getPreset, PRESET_IDS } from "@/lib/policies/domain/preset-registry";
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

async function rejection(promise: Promise<unknown>): Promise<{ code?: string; field?: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    return err as { code?: string; field?: string; message: string };
  }
  throw new Error("expected a rejection");
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(drivers())("policy versions on %s", (driver) => {
  let s: Scratch;
  beforeAll(async () => {
    s = await policySeededDb(driver);
  });
  afterAll(async () => s?.drop());

  const row = async (policyId: string, version: number) =>
    (await s.handle.db.select().from(policyVersions).where(and(eq(policyVersions.policyId, policyId), eq(policyVersions.version, version))))[0];
  const audits = (action: string, objectId: string) =>
    s.handle.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.objectId, objectId)));
  const manager = () => contextOf(s, "yibao.manager");
  const draftJson = async (policyId: string, version: number) => structuredClone((await row(policyId, version))!.record) as Json;

  it("stores the five presets as version 1 each, exactly as shipped, and 隆回县's own version in force from 2021-09-01", async () => {
    const presets = await s.handle.db.select().from(policyVersions).where(eq(policyVersions.version, 1)).orderBy(asc(policyVersions.policyId));
    for (const id of PRESET_IDS) {
      const stored = presets.find((p) => p.policyId === id)!;
      expect(stored).toMatchObject({ status: "active", basedOn: id });
      expect(stored.record).toEqual(JSON.parse(JSON.stringify(getPreset(id))));
    }
    const demo = (await row("longhui-2026", 1))!;
    expect(demo).toMatchObject({ status: "active", basedOn: "shaoyang-2021", name: "隆回县医疗救助政策（据邵阳市2021年办法）" });
    expect(demo.note).toContain("示范数据");
    expect((demo.record as Json).region).toEqual({ name: "湖南省邵阳市隆回县", level: "county" });
    expect((demo.record as Json).parameters.values.find((v: Json) => v.year === 2025)).toMatchObject({ value: "29500", source: { defaulted: true } });
    const acts = await s.handle.db.select().from(policyActivations).where(eq(policyActivations.versionId, demo.id));
    expect(acts).toMatchObject([{ divisionCode: "430524000000", activeFrom: "2021-09-01" }]);

    // A village's claim on 2025-03-01 is settled under it; before 2021-09-01 nothing is in force.
    const inForce = await policyForClaimDate(s.handle.db, "430524100201", "2025-03-01");
    expect(inForce).toMatchObject({ versionId: demo.id, policyId: "longhui-2026", version: 1 });
    expect(inForce!.record.parameters.values).toHaveLength(6);
    expect(await policyForClaimDate(s.handle.db, "430524100201", "2021-08-31")).toBeNull();
    // Another county has no activation.
    expect(await policyForClaimDate(s.handle.db, "430521100201", "2025-03-01")).toBeNull();

    // Made through the real use cases, so the demo's history is in the audit log.
    expect(await audits("policies.activate", "longhui-2026/v1")).toHaveLength(1);
    expect(await audits("policies.copy", "longhui-2026/v1")).toHaveLength(1);
  });

  it("the list shows each policy's versions, what is in force in the region, and its activations", async () => {
    const list = await listPolicies(await manager());
    expect(list.inForce).toMatchObject({ policyId: "longhui-2026", version: 1, activeFrom: "2021-09-01" });
    const longhui = list.policies.find((p) => p.policyId === "longhui-2026")!;
    expect(longhui.versions[0]).toMatchObject({ status: "active", inForceHere: true, effectiveFrom: "2021-09-01", regionName: "湖南省邵阳市隆回县" });
    expect(longhui.versions[0]!.activations).toMatchObject([{ divisionCode: "430524000000", divisionName: "隆回县", activeFrom: "2021-09-01" }]);
    expect(list.policies.filter((p) => p.isPreset).map((p) => p.policyId).sort()).toEqual([...PRESET_IDS].sort());

    const page = await getPolicyVersion(await contextOf(s, "yibao.clerk"), "shaoyang-2021", "1");
    const text = page.sections.flatMap((sec) => sec.lines.map((l) => l.text)).join("\n");
    expect(text).toContain("起付线 6000 元（每次申请），救助比例 50%");
    const defaults = page.sections.find((sec) => sec.title === "文件未明确、采用默认值的项目")!;
    expect(defaults.lines.every((l) => l.defaulted)).toBe(true);
    const basic = page.sections.find((sec) => sec.title === "基本医保")!;
    expect(basic.lines.find((l) => l.text.startsWith("支付比例"))).toMatchObject({ source: { ref: "邵医保发〔2021〕32号 §三(五)" }, defaulted: true });
    expect(page).toMatchObject({ canCopy: false, canEditDraft: false, canActivate: false });
    expect((await rejection(getPolicyVersion(await contextOf(s, "yibao.clerk"), "shaoyang-2021", "x"))).code).toBe("not_found");
  });

  it("copy → an invalid edit is refused with its field path and stores nothing → a valid edit → activate", async () => {
    const ctx = await manager();
    const copied = await copyPolicyVersion(ctx, { policyId: "shaoyang-2021", version: 1 }, { targetPolicyId: "longhui-2027", name: "隆回县医疗救助政策（2027年）" });
    expect(copied).toEqual({ policyId: "longhui-2027", version: 1 });
    const before = (await row("longhui-2027", 1))!;
    expect(before).toMatchObject({ status: "draft", basedOn: "shaoyang-2021", note: "复制自 shaoyang-2021 第 1 版" });
    expect(before.record).toMatchObject({ id: "longhui-2027", version: 1, name: "隆回县医疗救助政策（2027年）" });

    const bad = await draftJson("longhui-2027", 1);
    bad.assistance.rules[0].ratioPercent = "150";
    bad.limitPools[0].annualLimit = "5万";
    const refused = await rejection(savePolicyDraft(ctx, copied, { json: JSON.stringify(bad) }));
    expect(refused.field).toBe("record");
    expect(refused.message).toContain("政策内容有 2 处问题，未保存任何修改");
    // Each problem names its field in Chinese, with the path the form finds it by.
    expect((refused as unknown as { issues: unknown }).issues).toEqual([
      { path: "limitPools[0].annualLimit", label: `年度救助限额 1「${bad.limitPools[0].name}」 · 年度限额（元）`, message: "「5万」 不是金额（非负数，最多两位小数）" },
      { path: "assistance.rules[0].ratioPercent", label: `医疗救助规则 1「${bad.assistance.rules[0].name}」 · 救助比例（%）`, message: "「150」 超过 100%" },
    ]);
    expect(refused.message).toContain(`医疗救助规则 1「${bad.assistance.rules[0].name}」 · 救助比例（%）：「150」 超过 100%`);
    expect(refused.message).not.toContain("ratioPercent");
    expect((await row("longhui-2027", 1))!.record).toEqual(before.record);
    expect(await audits("policies.edit_draft", "longhui-2027/v1")).toHaveLength(0);

    const renamed = await draftJson("longhui-2027", 1);
    renamed.id = "other-id";
    expect((await rejection(savePolicyDraft(ctx, copied, { json: JSON.stringify(renamed) }))).message).toContain("基本信息 · 政策编号：须为「longhui-2027」");
    expect((await rejection(savePolicyDraft(ctx, copied, { json: '{ "id": "longhui-2027",\n "version": 1, }' }))).message).toContain("不是有效的 JSON：第 2 行");

    const good = await draftJson("longhui-2027", 1);
    good.assistance.rules[0].ratioPercent = "60";
    good.effectiveFrom = "2027-01-01";
    expect(await savePolicyDraft(ctx, copied, { json: JSON.stringify(good), note: "2027年起救助比例提高到60%" })).toEqual({
      changed: true,
      sections: ["assistance", "effectiveFrom"],
    });
    expect(await audits("policies.edit_draft", "longhui-2027/v1")).toHaveLength(1);

    const early = await rejection(activatePolicyVersion(ctx, copied, { activeFrom: "2026-12-01" }));
    expect(early).toMatchObject({ field: "activeFrom", message: expect.stringContaining("早于本版本的生效日期 2027-01-01") });
    expect((await rejection(activatePolicyVersion(ctx, copied, { activeFrom: "2027-02-30" }))).field).toBe("activeFrom");
    await activatePolicyVersion(ctx, copied, { activeFrom: "2027-01-01" });
    expect((await row("longhui-2027", 1))!.status).toBe("active");
    expect(await audits("policies.activate", "longhui-2027/v1")).toMatchObject([{ detail: { division: "430524000000", activeFrom: "2027-01-01", published: true } }]);

    // An active version is never edited: editing means a new version.
    const again = await rejection(savePolicyDraft(ctx, copied, { json: JSON.stringify(good) }));
    expect(again.message).toContain("已启用，不能再修改");
  });

  it("a claim is settled under the version in force on its date, across activations and versions", async () => {
    const db = s.handle.db;
    const ratio = async (date: string) => {
      const p = await policyForClaimDate(db, "430524103201", date);
      return p && `${p.policyId} v${p.version} ${p.record.assistance.rules[0]!.ratioPercent}%`;
    };
    expect(await ratio("2026-12-31")).toBe("longhui-2026 v1 70%"); // the first rule: 常规医疗救助 70 %
    expect(await ratio("2027-01-01")).toBe("longhui-2027 v1 60%");

    // Version 2 of the same policy id: overlapping dates are refused, a later start closes version 1.
    const ctx = await manager();
    const v2 = await copyPolicyVersion(ctx, { policyId: "longhui-2027", version: 1 }, { targetPolicyId: "longhui-2027", name: "隆回县医疗救助政策（2028年）" });
    expect(v2).toEqual({ policyId: "longhui-2027", version: 2 });
    const overlap = await rejection(activatePolicyVersion(ctx, v2, { activeFrom: "2027-06-01" }));
    expect(overlap.message).toContain("第 2 版自 2027-01-01 起施行，而第 1 版自 2027-01-01 起施行、长期有效：两版不能在同一天都有效");
    const next = await draftJson("longhui-2027", 2);
    next.effectiveFrom = "2028-01-01";
    next.assistance.rules[0].ratioPercent = "70";
    await savePolicyDraft(ctx, v2, { json: JSON.stringify(next) });
    // Shortening version 1 is explained and waits for the manager's confirmation of exactly that change.
    const asked = await rejection(activatePolicyVersion(ctx, v2, { activeFrom: "2028-01-01" }));
    expect(asked).toMatchObject({ code: "conflict", key: "1:2027-12-31", explanation: ["第 1 版将于 2027-12-31 结束（原为长期有效），第 2 版自 2028-01-01 起施行"] });
    expect((await rejection(activatePolicyVersion(ctx, v2, { activeFrom: "2028-01-01", confirmOverlap: "1:2027-11-30" }))).code).toBe("conflict");
    expect((await row("longhui-2027", 1))!.status).toBe("active");
    expect(await audits("policies.activate", "longhui-2027/v2")).toHaveLength(0);
    expect((await activatePolicyVersion(ctx, v2, { activeFrom: "2028-01-01", confirmOverlap: "1:2027-12-31" })).closed).toEqual([{ version: 1, effectiveTo: "2027-12-31" }]);
    expect((await audits("policies.activate", "longhui-2027/v2"))[0]).toMatchObject({ detail: { closed: [{ version: 1, effectiveTo: "2027-12-31" }], overlapConfirmed: true } });
    const v1 = (await row("longhui-2027", 1))!;
    expect(v1).toMatchObject({ status: "retired", record: { effectiveTo: "2027-12-31" } });
    expect(await ratio("2027-12-31")).toBe("longhui-2027 v1 60%");
    expect(await ratio("2028-01-01")).toBe("longhui-2027 v2 70%");
    // Old activations stay.
    const acts = await db.select().from(policyActivations).where(eq(policyActivations.divisionCode, "430524000000"));
    expect(acts.map((a) => a.activeFrom).sort()).toEqual(["2021-09-01", "2027-01-01", "2028-01-01"]);
  });

  it("a limit a rule pays from cannot be activated empty: the draft saves, activation names the limit and stores nothing", async () => {
    const ctx = await manager();
    const copied = await copyPolicyVersion(ctx, { policyId: "chengkou-2022", version: 1 }, { targetPolicyId: "chengkou-local", name: "城口县（本地）" });
    const edited = await draftJson("chengkou-local", 1);
    edited.limitPools[0].annualLimit = null; // 000 §三(七) gives no figure
    await savePolicyDraft(ctx, copied, { json: JSON.stringify(edited) });
    const refused = await rejection(activatePolicyVersion(ctx, copied, { activeFrom: "2022-01-01" }));
    expect(refused).toMatchObject({ field: "limitPools" });
    expect(refused.message).toContain("年度救助限额“医疗救助年度限额（门诊和住院共用）”未填写金额");
    expect((await row("chengkou-local", 1))!.status).toBe("draft");
    expect(await audits("policies.activate", "chengkou-local/1")).toEqual([]);
  });

  it("only 医保 managers and administrators copy, edit and activate; a refusal is audited and changes nothing", async () => {
    const clerk = await contextOf(s, "yibao.clerk");
    const count = async () => (await s.handle.db.select().from(policyVersions).where(like(policyVersions.policyId, "clerk-%"))).length;
    expect((await rejection(copyPolicyVersion(clerk, { policyId: "shaoyang-2021", version: 1 }, { targetPolicyId: "clerk-copy", name: "x" }))).code).toBe("forbidden");
    expect((await rejection(activatePolicyVersion(clerk, { policyId: "longhui-2026", version: 1 }, { activeFrom: "2030-01-01" }))).code).toBe("forbidden");
    expect(await count()).toBe(0);
    const refused = await s.handle.db.select().from(auditLog).where(and(eq(auditLog.action, "policies.edit"), eq(auditLog.outcome, "refused")));
    expect(refused.length).toBeGreaterThanOrEqual(2);

    const admin = await contextOf(s, "admin");
    const bad = await rejection(copyPolicyVersion(admin, { policyId: "shaoyang-2021", version: 1 }, { targetPolicyId: "Longhui 2028", name: "x" }));
    expect(bad).toMatchObject({ field: "targetPolicyId", message: expect.stringContaining("小写字母、数字和连字符") });
  });

  it("the nearest division's activation wins over a later one above it, in the claims' query and the subsidy run's", async () => {
    const db = s.handle.db;
    const [city] = await db.select().from(policyVersions).where(and(eq(policyVersions.policyId, "shaoyang-2021"), eq(policyVersions.version, 1)));
    const county = await policyForClaimDate(db, "430524100201", "2025-06-01");
    expect(county!.policyId).not.toBe("shaoyang-2021");
    // 邵阳市 activates its own policy after 隆回县 did: the county's still holds for its villages, 邵东 (no activation of its own) takes the city's.
    const [act] = await db.insert(policyActivations).values({ divisionCode: "430500000000", versionId: city!.id, activeFrom: "2025-01-01" }).returning();
    try {
      expect((await policyForClaimDate(db, "430524100201", "2025-06-01"))!.versionId).toBe(county!.versionId);
      expect((await policyForClaimDate(db, "430521100201", "2025-06-01"))!.versionId).toBe(city!.id);
      const bulk = await bulkTransaction(db, async (tx) => [
        await policyInForceOn(tx, divisionChain("430524100201"), "2025-06-01"),
        await policyInForceOn(tx, divisionChain("430521100201"), "2025-06-01"),
      ]);
      expect(bulk.map((p) => p?.id)).toEqual([county!.versionId, city!.id]);
    } finally {
      await db.delete(policyActivations).where(eq(policyActivations.id, act!.id));
    }
  });
});
