import { formatYuan, money, ZERO, type Money } from "@/lib/money/money";

// The wording of the printable forms (医疗救助申请审批表, 入户调查记录,
// 不予救助告知书, 支付批次清单) that is not data: who issues them, the legal
// basis of a refusal, and how the applicant may object.

/** The county office that issues the forms: "隆回县医疗保障局". */
export function countyOffice(countyName: string): string {
  return `${countyName}医疗保障局`;
}

/** The township's own government: 镇/乡 → 人民政府, 街道 → 街道办事处. */
export function townshipOffice(townshipName: string): string {
  return townshipName.endsWith("街道") ? `${townshipName}办事处` : `${townshipName}人民政府`;
}

/** 003 §三(八), the paragraph that requires the written reason (quoted from the document). */
export const REFUSAL_BASIS = {
  document: "《关于巩固拓展医疗保障脱贫攻坚成果有效衔接乡村振兴战略的实施方案》（邵医保发〔2021〕32号）",
  paragraph: "第三部分第（八）项",
  quote: "对不符合救助条件的，要书面说明理由，并通知申请人。",
};

/**
 * How the applicant may object (our choice of routes, docs/policy.md §6):
 * a request for re-examination (复核) to the office that decided, within 10
 * working days — not a statutory remedy, it mirrors the step's own 10 working
 * days and costs the applicant nothing; administrative reconsideration (行政复议)
 * within 60 days to the county people's government (《中华人民共和国行政复议法》
 * 第二十条, 2023 revision: 六十日; 第二十四条: the county government hears cases
 * against its departments and the townships); or a lawsuit within 6 months
 * (《中华人民共和国行政诉讼法》第四十六条).
 */
export function objectionRoutes(countyName: string, issuer: string): { title: string; text: string }[] {
  return [
    { title: "申请复核", text: `自收到本告知书之日起 10 个工作日内，可向${issuer}书面申请复核，并提交相关证明材料。` },
    { title: "行政复议", text: `自收到本告知书之日起 60 日内，可向${countyName}人民政府申请行政复议（《中华人民共和国行政复议法》第二十条）。` },
    { title: "行政诉讼", text: "自收到本告知书之日起 6 个月内，可依法向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。" },
  ];
}

export type FormClaim = { totalCost: string; policyScopeCost: string; basicPaid: string | null; criticalPaid: string | null };

/** The sums of the claims listed on the approval form, exact to the cent. */
export function claimTotals(claims: readonly FormClaim[]): { total: string; scope: string; basic: string; critical: string; ownShare: string } {
  const sum = (pick: (c: FormClaim) => string | null) => claims.reduce<Money>((acc, c) => acc.plus(money(pick(c) ?? "0")), ZERO);
  const total = sum((c) => c.totalCost);
  const basic = sum((c) => c.basicPaid);
  const critical = sum((c) => c.criticalPaid);
  return { total: formatYuan(total), scope: formatYuan(sum((c) => c.policyScopeCost)), basic: formatYuan(basic), critical: formatYuan(critical), ownShare: formatYuan(total.minus(basic).minus(critical)) };
}

/** 2026-11-18 → 2026年11月18日 (the forms' date style). */
export function chineseDate(iso: string | null): string {
  if (!iso) return "　　年　　月　　日";
  const [y, m, d] = iso.split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
}
