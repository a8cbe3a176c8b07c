import { parseIsoDate } from "@/lib/calendar/domain/iso-date";
import { ValidationError } from "@/lib/errors/app-error";

// How a monitoring flag reads on the worklist and its page (docs/policy.md
// §5), and the inputs the worklist and the outcome form accept. Pure.

export const OUTCOMES = ["assistance_granted", "application_opened", "category_assigned", "dismissed"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_NAMES: Record<Outcome, string> = {
  assistance_granted: "已给予救助",
  application_opened: "已转依申请救助（主动发现）",
  category_assigned: "已纳入救助类别",
  dismissed: "排除（不属于因病返贫致贫风险）",
};

/** What a clerk records by hand; application_opened is recorded only by the intake that opened the case. */
export const MANUAL_OUTCOMES = ["assistance_granted", "category_assigned", "dismissed"] as const;
export type ManualOutcome = (typeof MANUAL_OUTCOMES)[number];

export const MAX_OUTCOME_REASON = 200;

/** The rule's name: the basis sentence starts with it ("高额医疗费用支出预警监测：…"). */
export function ruleNameOf(basis: string): string {
  const i = basis.indexOf("：");
  return i > 0 ? basis.slice(0, i) : basis;
}

/** Calendar days a flag has been open (until today) or was open (until it closed). */
export function daysOpen(raisedOn: string, closedOn: string | null, today: string): number {
  return Math.max(0, parseIsoDate(closedOn ?? today) - parseIsoDate(raisedOn));
}

export type WorklistQuery = {
  status: "open" | "closed" | undefined;
  township: string | undefined;
  rule: string | undefined;
  order: "excess" | "oldest";
  page: number;
};

const TOWNSHIP = /^\d{9}000$/;

/** The worklist's filters from the query string; a wrong value names its field. */
export function parseWorklistQuery(raw: { status?: string; township?: string; rule?: string; order?: string; page?: string }): WorklistQuery {
  const status = raw.status === undefined || raw.status === "" ? "open" : raw.status === "all" ? undefined : raw.status;
  if (status !== undefined && status !== "open" && status !== "closed") throw new ValidationError("status", "状态只能是 open（未办结）、closed（已办结）或 all（全部）");
  const township = raw.township ? raw.township.trim() : undefined;
  if (township !== undefined && !TOWNSHIP.test(township)) throw new ValidationError("township", "乡镇应为 12 位乡镇（街道）区划代码，如 430524100000");
  const rule = raw.rule ? raw.rule.trim() : undefined;
  if (rule !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(rule)) throw new ValidationError("rule", "监测规则代码有误，请从列表中选择");
  const order = raw.order === undefined || raw.order === "" || raw.order === "excess" ? "excess" : raw.order === "oldest" ? "oldest" : null;
  if (order === null) throw new ValidationError("order", "排序只能是 excess（超出最多在前）或 oldest（挂起最久在前）");
  const page = raw.page === undefined || raw.page === "" ? 1 : Number(raw.page);
  if (!Number.isInteger(page) || page < 1 || page > 100_000) throw new ValidationError("page", "页码应为正整数");
  return { status, township, rule, order, page };
}

export type OutcomeInput = { outcome: ManualOutcome; reason: string };

/** The outcome form: one of the three manual outcomes, and what was done or why (required, ≤ 200 characters). */
export function parseOutcomeInput(raw: { outcome?: unknown; reason?: unknown }): OutcomeInput {
  const outcome = raw.outcome;
  if (typeof outcome !== "string" || !(MANUAL_OUTCOMES as readonly string[]).includes(outcome)) {
    throw new ValidationError("outcome", outcome === "application_opened" ? "转依申请救助请使用“主动发现：受理申请”，受理后自动办结" : "请选择处理结果：已给予救助、已纳入救助类别或排除");
  }
  const reason = typeof raw.reason === "string" ? raw.reason.trim() : "";
  if ([...reason].length < 2) {
    throw new ValidationError("reason", outcome === "dismissed" ? "排除须说明理由，如“经核实为一次性意外伤害，家庭收入稳定”" : "请说明办理情况，如救助金额、文号或纳入的类别及日期");
  }
  if ([...reason].length > MAX_OUTCOME_REASON) throw new ValidationError("reason", `说明不超过${MAX_OUTCOME_REASON}字，请精简`);
  return { outcome: outcome as ManualOutcome, reason };
}
