import type { ActionResult } from "@/lib/http/action-result";
import type { DraftIssue } from "@/lib/policies/domain/draft-issues";

// What the policy editor's and the activation form's server actions answer:
// the shared ActionResult, plus the draft's problems by field and the
// overlap an activation asks the manager to confirm.

export type DraftSaveResult = ActionResult | { ok: false; message: string; issues: DraftIssue[] };

export type ActivateResult =
  | ActionResult
  | { ok: false; message: string; confirm: { explanation: string[]; key: string }; values: Record<string, string> };
