import { NOTICE_CHANNEL_NAMES } from "@/lib/applications/domain/notice-channels";
import { ROLE_NAMES, isRole } from "@/lib/auth/domain/roles";
import { CATEGORY_INFO, isCategory } from "@/lib/categories/categories";
import { DEPARTMENT_NAMES, isDepartment } from "@/lib/departments/departments";
import { CASE_REASON_NAMES } from "@/lib/enrolment/domain/case-reasons";
import { NOT_COMPUTED_TEXT } from "@/lib/enrolment/domain/subsidy-for-enrolment";
import { OUTCOME_NAMES } from "@/lib/monitoring/domain/flag-view";
import { OBJECTION_CHANNEL_NAMES } from "@/lib/notices/domain/notice-input";

// The audit page in words (the row itself, and the export, keep the codes):
// what kind of object, and the detail's fields with Chinese labels instead of
// raw JSON. Unknown keys are shown as they are, so nothing is hidden.

export const OBJECT_TYPE_NAMES: Record<string, string> = {
  user: "用户",
  person: "人员",
  person_lookup: "人员查询",
  application: "依申请救助案件",
  applications: "依申请救助",
  application_timeliness: "办理时效",
  payment_batch: "支付批次",
  notice: "公示",
  notice_objection: "公示异议",
  monitoring_flag: "监测预警",
  monitoring: "因病返贫致贫监测",
  division: "行政区划",
  unenrolled_case: "未参保人员",
  unenrolled_worklist: "未参保清单",
  consolidation: "名单汇总比对",
  roster: "部门名单",
  roster_submission: "名单报送",
  roster_template: "名单模板",
  roster_error_report: "名单错误报告",
  api_token: "接口令牌",
  enrolment_import: "参保缴费导入",
  enrolment_ledger: "参保台账",
  enrolment_error_report: "参保导入错误报告",
  claim_import: "结算记录导入",
  claims_year: "年度结算记录",
  claim: "结算记录",
  subsidies: "资助参保",
  subsidy: "资助参保",
  stats: "统计分析",
  stats_table: "统计数据表",
  stats_report: "统计报表",
  settlement: "结算",
  policy: "救助政策",
  policy_version: "政策版本",
  holiday_schedule: "节假日安排",
  data_key: "数据加密密钥",
  audit_log: "审计日志",
  audit_chain: "审计哈希链",
};

export function objectTypeName(type: string): string {
  return OBJECT_TYPE_NAMES[type] ?? type;
}

const KEY_NAMES: Record<string, string> = {
  reason: "原因",
  note: "说明",
  caseNo: "申请编号",
  batchNo: "批次号",
  year: "年度",
  month: "月份",
  quarter: "季度",
  from: "自",
  to: "至",
  amount: "金额",
  file: "文件",
  division: "区划",
  township: "乡镇",
  village: "村",
  claims: "结算记录",
  total: "合计",
  rows: "行数",
  sheetRows: "各表行数",
  people: "人数",
  outcome: "结果",
  item: "材料",
  before: "变更前",
  after: "变更后",
  version: "版本",
  username: "用户名",
  displayName: "姓名",
  department: "部门",
  role: "角色",
  jurisdiction: "管辖区划",
  status: "状态",
  mustChangePassword: "下次登录须改密码",
  mustChangeAtNextLogin: "下次登录须改密码",
  sessionsEnded: "结束的会话",
  otherSessionsEnded: "结束的其他会话",
  sizeBytes: "大小（字节）",
  rule: "规则",
  reference: "凭证号",
  receiptNo: "票据号",
  notifiedOn: "告知日期",
  receivedOn: "到账日期",
  surveyedOn: "调查日期",
  dueOn: "期限",
  due: "修改原因",
  notice: "公示",
  channel: "方式",
  attachmentId: "附件",
  application: "申请",
  count: "数量",
  name: "名称",
  prefix: "前缀",
  urgent: "紧急",
  lockedUntil: "锁定至",
  exportedAt: "导出时间",
  accounts: "账号数",
  users: "用户数",
  divisions: "区划数",
  policy: "政策",
  hospital: "医疗机构",
  lines: "明细数",
  removed: "移出",
  created: "新增",
  action: "操作",
  recoveryCodes: "恢复码",
  supersedes: "取代",
  missing: "缺少",
  form: "表单",
  report: "报表",
  table: "数据表",
  // Counts of the imports, consolidations, subsidies and re-settlements.
  acceptedOn: "受理日期",
  activeFrom: "启用日期",
  added: "新增",
  alreadyEnrolled: "此前已参保",
  anonymous: "匿名",
  assistance: "医疗救助",
  byCategory: "按类别",
  cases: "案件数",
  casesClosed: "销号案件",
  changed: "变更数",
  changes: "变更",
  closed: "关闭",
  closedAsEnrolled: "因已参保销号",
  computed: "已计算",
  conflicts: "冲突数",
  corrected: "更正",
  date: "日期",
  enrolled: "已参保",
  externalId: "结算流水号",
  monitoring: "监测预警",
  notComputed: "未计算",
  notKnown: "不在登记册",
  opened: "新开",
  overlapConfirmed: "已确认版本衔接",
  paidOn: "缴费日期",
  personYears: "人年数",
  persons: "人数",
  policyScopeCost: "政策范围内费用",
  published: "已发布",
  raised: "新发现",
  // monitoring run: { year, evaluated, flagged, new }
  evaluated: "评估人数",
  flagged: "预警人数",
  new: "新增预警",
  rankingFrom: "类别排序自",
  refreshed: "已更新",
  resettled: "重新结算",
  row: "行",
  sections: "章节",
  settled: "已结算",
  skippedPublished: "跳过已发布",
  subsidies: "资助参保",
  tilted: "倾斜救助/再救助",
  unchanged: "未变",
  whole: "全部",
  windowStart: "公示开始",
  windowEnd: "公示结束",
  // The heading of a notice.
  issuer: "发布单位",
  objectionTo: "异议受理单位",
  contactPhone: "联系电话",
  objectionChannel: "异议方式",
};

// Codes the use cases write as values, by the key they stand under.
const VALUE_NAMES: Record<string, Record<string, string>> = {
  reason: {
    "unknown user": "用户名不存在",
    "wrong password": "密码错误",
    disabled: "账号已停用",
    locked: "账号已锁定",
    throttled: "该地址登录失败过多，暂停登录",
    invalid: "输入不正确",
    department: "不是本部门的名单",
    post: "岗位无此权限",
    ...CASE_REASON_NAMES,
  },
  outcome: OUTCOME_NAMES,
  channel: { ...NOTICE_CHANNEL_NAMES, ...OBJECTION_CHANNEL_NAMES },
  notComputed: NOT_COMPUTED_TEXT,
  status: { active: "启用", disabled: "停用", draft: "草稿", published: "已发布", open: "编制中", sent: "已送银行", confirmed: "已确认", cancelled: "已作废" },
  due: { initial: "首次登录或管理员重置后须修改", expired: "密码已到期", voluntary: "本人主动修改" },
};

export type DetailLine = { label: string; value: string };

function valueText(key: string, v: unknown): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "boolean") return v ? "是" : "否";
  if (typeof v === "string") {
    if (ISO_INSTANT.test(v)) return beijingTime(v);
    if (key === "department" && isDepartment(v)) return DEPARTMENT_NAMES[v];
    if (key === "role" && isRole(v)) return ROLE_NAMES[v];
    if (key === "outcome" && (v === "success" || v === "refused")) return v === "success" ? "成功" : "拒绝";
    return VALUE_NAMES[key]?.[v] ?? v;
  }
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return v.every((x) => typeof x !== "object" || x === null) ? v.map((x) => valueText(key, x)).join("、") : JSON.stringify(v);
  return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${keyName(k, key)}：${valueText(k, x)}`).join("；");
}

/** A key in words: a field name, a category code (byCategory), or a reason code (notComputed: { no_category: 14 }). */
function keyName(k: string, parent?: string): string {
  if (KEY_NAMES[k]) return KEY_NAMES[k];
  if (isCategory(k)) return CATEGORY_INFO[k].name;
  if (parent !== undefined) {
    const named = VALUE_NAMES[parent]?.[k];
    if (named) return named;
  }
  return k;
}

// Instants the use cases write in UTC (exportedAt, lockedUntil), shown in Beijing time like the page.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");
}

// Read first: why, then from → to; the rest as written.
const FIRST = ["reason", "from", "to", "before", "after"];
const rank = (k: string) => (FIRST.includes(k) ? FIRST.indexOf(k) : FIRST.length);

/** The detail's fields as labelled lines (reason, from, to, before, after first), nested objects on one line each. */
export function describeDetail(detail: Record<string, unknown> | null | undefined): DetailLine[] {
  if (!detail || typeof detail !== "object") return [];
  const entries = Object.entries(detail);
  entries.sort(([a], [b]) => rank(a) - rank(b));
  return entries.map(([k, v]) => ({ label: keyName(k), value: valueText(k, v) }));
}
