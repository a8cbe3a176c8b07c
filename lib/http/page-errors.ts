import "server-only";
import { forbidden, notFound } from "next/navigation";
import { AppError } from "@/lib/errors/app-error";

/**
 * For pages: a refusal renders the 403 page, a missing record the 404 page.
 * A ValidationError is returned for the page to show next to its field.
 */
export async function loadForPage<T>(load: () => Promise<T>): Promise<{ ok: true; data: T } | { ok: false; error: AppError }> {
  try {
    return { ok: true, data: await load() };
  } catch (err) {
    if (err instanceof AppError) {
      if (err.code === "forbidden") forbidden();
      if (err.code === "not_found") notFound();
      return { ok: false, error: err };
    }
    throw err;
  }
}
