import { z } from "zod";
import { ValidationError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/users/domain/parse-input";

// The shapes of /api/v1/applications request bodies and query strings. They
// check only the transport — an object, the action named, the version a
// whole number, fields of the right JSON type — with Chinese messages naming
// the field; the use cases check everything else (dates, lengths, the state
// machine), exactly as they do for the pages.

const text = (what: string) => z.string({ error: `${what}应为文字` }).max(5000, `${what}过长`);
const optionalText = (what: string) => text(what).optional();

/** POST /api/v1/applications — the intake form as JSON (lib/applications/domain/intake-input.ts checks the fields). */
export const intakeBodySchema = z.object(
  {
    personId: text("申请人（personId）"),
    acceptedOn: text("受理日期（acceptedOn）"),
    urgent: z.boolean({ error: "是否特事特办（urgent）应为 true 或 false" }).optional(),
    urgentReason: optionalText("特事特办理由（urgentReason）"),
    filerKind: text("申请方式（filerKind）"),
    filerName: optionalText("代办人姓名（filerName）"),
    filerRelation: optionalText("代办人关系（filerRelation）"),
    phone: text("联系电话（phone）"),
    bankHolder: optionalText("银行户名（bankHolder）"),
    bankName: optionalText("开户行（bankName）"),
    bankAccount: optionalText("银行账号（bankAccount）"),
    diagnosisSummary: text("诊断摘要（diagnosisSummary）"),
    documents: z
      .array(
        z.object({ item: text("材料项目"), status: text("材料状态"), dueOn: optionalText("补交期限"), waiveReason: optionalText("免予提供理由") }, { error: "材料清单的每一项应为对象" }),
        { error: "材料清单（documents）应为数组" },
      )
      .max(20, "材料清单（documents）项目过多"),
  },
  { error: "请求体应为 JSON 对象" },
);

const version = z.number({ error: "缺少案件版本号（version），请先读取案件再提交" }).int("案件版本号（version）应为整数").positive("案件版本号（version）应为正整数");

/** POST /api/v1/applications/{id}/transitions — one step, with the version the caller read. */
export const transitionBodySchema = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("begin_review"), version }),
    z.object({ action: z.literal("record_survey"), version, surveyedOn: text("调查日期（surveyedOn）"), visitors: text("调查人员（visitors）"), findings: text("调查情况（findings）"), householdSituation: text("家庭经济状况（householdSituation）") }),
    z.object({ action: z.literal("return_for_documents"), version, note: text("退回补正说明（note）") }),
    z.object({ action: z.literal("resume_review"), version }),
    z.object({ action: z.literal("forward"), version }),
    z.object({ action: z.literal("begin_audit"), version }),
    // amount omitted: the engine's computed amount; a different one needs the override post and a reason.
    z.object({ action: z.literal("approve"), version, amount: optionalText("核定金额（amount）"), reason: optionalText("调整金额理由（reason）") }),
    z.object({ action: z.literal("refer_to_joint_meeting"), version }),
    z.object({
      action: z.literal("record_joint_decision"),
      version,
      meetingOn: text("联席会议日期（meetingOn）"),
      departments: z.array(text("参会部门"), { error: "参会部门（departments）应为文字数组" }).max(20, "参会部门（departments）过多"),
      amount: text("决定金额（amount）"),
    }),
    z.object({ action: z.literal("refuse"), version, reason: text("不予救助理由（reason）") }),
    z.object({ action: z.literal("record_refusal_notice"), version, notifiedOn: text("告知日期（notifiedOn）"), channel: text("告知方式（channel）") }),
  ],
  { error: "操作（action）无效：可用 begin_review、record_survey、return_for_documents、resume_review、forward、begin_audit、approve、refer_to_joint_meeting、record_joint_decision、refuse、record_refusal_notice" },
);
export type TransitionBody = z.infer<typeof transitionBodySchema>;

export function parseIntakeBody(raw: unknown) {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new ValidationError("body", "请求体应为 JSON 对象（受理登记的各项）");
  return parseInput(intakeBodySchema, raw);
}

export function parseTransitionBody(raw: unknown): TransitionBody {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new ValidationError("body", "请求体应为 JSON 对象，如 {\"action\": \"forward\", \"version\": 3}");
  return parseInput(transitionBodySchema, raw);
}

/** GET /api/v1/applications?state=&township=&page= */
export function parseQueueQuery(q: URLSearchParams): { state?: string; township?: string; page: number } {
  const page = q.get("page");
  const n = page === null || page === "" ? 1 : Number(page);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new ValidationError("page", "页码（page）应为 1 以上的整数");
  return { state: q.get("state") ?? undefined, township: q.get("township") ?? undefined, page: n };
}

/** A JSON body that must be an object (the payment-batch routes), or a 400 showing the expected shape. */
export function parseObjectBody(raw: unknown, example: string): Record<string, unknown> {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new ValidationError("body", `请求体应为 JSON 对象，如 ${example}`);
  return raw as Record<string, unknown>;
}
