import { AppError, type AppErrorCode } from "@/lib/errors/app-error";

// Every refusal of the workflow is one of these, with a Chinese message that
// says what was refused and why. `kind` says which check refused it, in the
// order the checks run: the post (role), the jurisdiction, the state, then the
// step's own conditions (guard). The transport maps `code` to the HTTP status:
// 403 for who/where, 409 for a state that no longer allows it (the case moved
// on, or was already done), 400 for a condition the user can fix.

export type WorkflowRefusalKind = "role" | "jurisdiction" | "state" | "guard";

const CODE: Record<WorkflowRefusalKind, AppErrorCode> = {
  role: "forbidden",
  jurisdiction: "forbidden",
  state: "conflict",
  guard: "invalid",
};

export class WorkflowError extends AppError {
  constructor(
    readonly kind: WorkflowRefusalKind,
    message: string,
    field?: string,
  ) {
    super(CODE[kind], message, field);
    this.name = "WorkflowError";
  }
}

export function isWorkflowError(err: unknown): err is WorkflowError {
  return err instanceof WorkflowError;
}
