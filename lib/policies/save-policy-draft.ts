import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { lockPolicyVersions, updateDraft } from "@/db/queries/policies";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { parseJsonText } from "@/lib/calendar/domain/parse-json-text";
import { AppError, ValidationError } from "@/lib/errors/app-error";
import { draftIssues, type DraftIssue } from "@/lib/policies/domain/draft-issues";
import { validatePolicy } from "@/lib/policies/domain/validate-policy";
import { parseInput } from "@/lib/users/domain/parse-input";
import { loadVersion, requireEditableDraft, versionTarget } from "./load-version";
import { draftInput } from "./domain/policy-input";

export const RECORD_FIELD = "record";
const MAX_CHARS = 200_000;

/**
 * The record has problems: each names its field (`path`, as the form and the
 * JSON view know it), the field's Chinese label and what is wrong. The
 * message lists them for readers that show only text (the CLI, the tests).
 */
export class DraftInvalidError extends ValidationError {
  constructor(readonly issues: DraftIssue[]) {
    super(RECORD_FIELD, [`政策内容有 ${issues.length} 处问题，未保存任何修改：`, ...issues.map((i) => `${i.label}：${i.message}`)].join("\n"));
    this.name = "DraftInvalidError";
  }
}

/** The record's problems by field; id and version belong to the version, not the text. */
function problems(value: unknown, policyId: string, version: number): DraftIssue[] {
  const issues = draftIssues(value);
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    if (o.id !== policyId) issues.unshift({ path: "id", label: "基本信息 · 政策编号", message: `须为「${policyId}」（本版本所属的政策编号），不能在编辑中修改；要换编号请“复制为新版本”` });
    if (o.version !== version) issues.unshift({ path: "version", label: "基本信息 · 版本号", message: `须为 ${version}（本版本的版本号），不能在编辑中修改` });
  } else {
    return [{ path: "", label: "政策内容", message: "须为一个完整的政策记录（JSON 对象 {…}）" }];
  }
  return issues;
}

/** JSON with object keys sorted: jsonb keeps its own key order, so plain JSON.stringify would see changes that are not there. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Top-level sections whose content changed, for the audit row (the records themselves are kept in the table). */
function changedSections(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => canonical(before[k]) !== canonical(after[k])).sort();
}

/**
 * Saves the edited record of a draft (the form editor posts it as JSON, as
 * does a JSON import). Every problem is returned by field, in Chinese, and
 * nothing is stored while any remains; an active version is never
 * edited. Audited with the sections that changed.
 */
export async function savePolicyDraft(
  ctx: UseCaseContext,
  ref: { policyId: string; version: string | number },
  raw: unknown,
): Promise<{ changed: boolean; sections: string[] }> {
  const target = versionTarget(ref.policyId, ref.version);
  await requirePermission(ctx, "policies.edit", target);
  const input = parseInput(draftInput, raw);
  const row = await loadVersion(ctx.db, ref.policyId, ref.version);
  await requireEditableDraft(ctx, row);
  const text = input.json.replace(/^\uFEFF/, "");
  if (text.trim() === "") throw new ValidationError(RECORD_FIELD, "请填写政策内容（JSON）：可从“复制为新版本”得到的内容开始修改");
  if (text.length > MAX_CHARS) throw new ValidationError(RECORD_FIELD, `内容过长（${text.length} 字）：一个政策版本通常不到 3 万字，请检查是否粘贴了多余内容`);
  const value = parseJsonText(text, RECORD_FIELD);
  const issues = problems(value, row.policyId, row.version);
  if (issues.length > 0) throw new DraftInvalidError(issues);
  const record = validatePolicy(value);
  if (!record.ok) throw new Error("unreachable: validated above");
  const after = record.policy as unknown as Record<string, unknown>;
  const sections = changedSections(row.record, after);
  if (sections.length === 0 && input.note === row.note) return { changed: false, sections };
  await inTransaction(ctx.db, async (tx) => {
    await lockPolicyVersions(tx);
    const written = await updateDraft(tx, row.id, { record: after, name: record.policy.name, note: input.note });
    // Activated by someone else since the page was loaded: an active version is never edited.
    if (!written) throw new AppError("conflict", "该版本刚刚已被启用，不能再修改；请“复制为新版本”后修改新版本", RECORD_FIELD);
    await insertAudit(tx, auditRow(ctx.actor, { action: "policies.edit_draft", ...target, detail: { sections, note: input.note } }));
  });
  return { changed: true, sections };
}
