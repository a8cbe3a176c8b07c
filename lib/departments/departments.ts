// The departments a portal user belongs to (docs/policy.md §9). Codes are the ones
// the CLI contract uses for roster senders (`--department civil_affairs`).
export const DEPARTMENTS = [
  "medical_security", // 医疗保障局 — owns the system
  "civil_affairs", // 民政局
  "rural_revitalization", // 乡村振兴局
  "veterans", // 退役军人事务局
  "disability", // 残疾人联合会
  "township", // 乡镇人民政府 / 街道办事处
  "finance", // 财政局
] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const DEPARTMENT_NAMES: Record<Department, string> = {
  medical_security: "医疗保障局",
  civil_affairs: "民政局",
  rural_revitalization: "乡村振兴局",
  veterans: "退役军人事务局",
  disability: "残疾人联合会",
  township: "乡镇（街道）",
  finance: "财政局",
};

/** The departments that certify people and send monthly rosters (docs/policy.md §2). */
export const ROSTER_DEPARTMENTS = ["civil_affairs", "rural_revitalization", "veterans", "disability"] as const;
export type RosterDepartment = (typeof ROSTER_DEPARTMENTS)[number];

export function isDepartment(value: string): value is Department {
  return (DEPARTMENTS as readonly string[]).includes(value);
}
