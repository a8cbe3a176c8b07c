import { z } from "zod";
import { isValidDate } from "@/lib/policies/domain/schema/primitives";

// Form input for the policy pages, with Chinese messages that name the field.

export const policyIdSchema = z
  .string({ error: "请填写政策编号" })
  .trim()
  .min(3, { error: "政策编号至少 3 位，如 longhui-2027" })
  .max(64, { error: "政策编号不超过 64 位" })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "政策编号只能由小写字母、数字和连字符组成，如 longhui-2027" });

const note = z
  .string()
  .trim()
  .max(200, { error: "说明不超过 200 字" })
  .optional()
  .transform((v) => (v ? v : null));

export const copyInput = z.object({
  targetPolicyId: policyIdSchema,
  name: z.string({ error: "请填写政策名称" }).trim().min(1, { error: "请填写政策名称" }).max(100, { error: "政策名称不超过 100 字" }),
  note,
});

export const draftInput = z.object({
  json: z.string({ error: "请填写政策内容（JSON）" }),
  note,
});

export const activationInput = z.object({
  activeFrom: z
    .string({ error: "请填写启用日期" })
    .trim()
    .refine(isValidDate, { error: "启用日期应为有效日期，格式 YYYY-MM-DD，如 2027-01-01" }),
  /**
   * The manager's confirmation of the versions this activation shortens: the
   * explanation's key as the page showed it ("1:2026-08-31"), or true from
   * code that has already decided (tests, fixtures). Absent or another key:
   * the server answers with the explanation instead of activating.
   */
  confirmOverlap: z.union([z.literal(true), z.string().max(200)]).optional(),
});

/** A version number from a URL: a positive integer, else null (the page is then a 404). */
export function versionNumber(text: string): number | null {
  return /^[1-9]\d{0,5}$/.test(text) ? Number(text) : null;
}

export const STATUS_NAMES = { draft: "草稿（未启用）", active: "已发布", retired: "已被新版本替代" } as const;
