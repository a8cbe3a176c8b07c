import type { PolicyRecord } from "./schema/policy-record";

// What a version must hold before it is activated, beyond what a draft may
// leave open while a manager works on it (docs/policy.md §4): a limit pool a
// rule pays from needs its amount. A document that implies a limit without a
// figure (000 §三(七) "年度救助限额内") must never become "unlimited" silently.

/** Chinese sentences, one per missing value; empty when the version may be activated. */
export function activationProblems(record: PolicyRecord): string[] {
  const used = new Set<string>([...record.assistance.rules.map((r) => r.pool), ...record.tiltedAssistance.map((r) => r.pool)]);
  for (const pool of record.limitPools) if (pool.within) used.add(pool.within);
  return record.limitPools
    .filter((p) => used.has(p.id) && p.annualLimit === null)
    .map((p) => `年度救助限额“${p.name}”未填写金额：有救助规则从该限额支付，启用前须按本地办法填写（文件未给数额的，请填写本地标准）`);
}
