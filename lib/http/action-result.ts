import "server-only";
import { AppError } from "@/lib/errors/app-error";

// What a form's server action returns to useActionState: a message for the
// form and, when known, the field it belongs to. Unexpected errors propagate
// to the error page (logged on the server, no internals shown).
// A failure carries the submitted values back, because React resets an
// uncontrolled form after its action: the clerk must not retype everything.
export type ActionResult =
  | { ok: true; message?: string }
  | { ok: false; message: string; field?: string; values?: Record<string, string> }
  | null;

/** The form's text fields, minus secrets, to hand back with a failure. */
export function echoValues(form: FormData, names: string[]): Record<string, string> {
  return Object.fromEntries(names.filter((n) => !/password/i.test(n)).map((n) => [n, String(form.get(n) ?? "")]));
}

export async function runAction(fn: () => Promise<string | void>): Promise<ActionResult> {
  try {
    const message = await fn();
    return { ok: true, message: message ?? undefined };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, message: err.message, field: err.field };
    throw err;
  }
}
