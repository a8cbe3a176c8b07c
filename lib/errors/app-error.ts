// Typed errors a use case throws for a user's mistake or a refusal. The
// transport (page, server action, route handler, CLI) maps the code to a 4xx
// status and shows `message`, which is Chinese, names the field, and never
// carries internals.

export type AppErrorCode = "invalid" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "too_large";

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "您没有执行此操作的权限。如确需办理，请联系本单位管理员。") {
    super("forbidden", message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = "要找的记录不存在或已被删除。") {
    super("not_found", message);
  }
}

export class ValidationError extends AppError {
  constructor(field: string, message: string) {
    super("invalid", message, field);
  }
}

/** A request body or an upload over its size limit (413): refused before it is read whole. */
export class TooLargeError extends AppError {
  constructor(field: string, message: string) {
    super("too_large", message, field);
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
