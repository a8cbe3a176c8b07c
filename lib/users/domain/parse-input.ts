import type { z } from "zod";
import { ValidationError } from "@/lib/errors/app-error";

/** Parses with a zod schema; the first problem becomes a ValidationError naming its field. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new ValidationError(String(issue.path[0] ?? ""), issue.message);
}
