import { NotFoundError } from "@/lib/errors/app-error";

/** A batch id from a URL or form: a positive integer, or a 404 (never a 500). */
export function batchIdOf(value: unknown): number {
  const n = typeof value === "number" ? value : Number(String(value ?? ""));
  if (!Number.isSafeInteger(n) || n < 1 || n > 2_147_483_647) throw new NotFoundError("找不到该支付批次，可能链接有误。");
  return n;
}

/** Line ids chosen on the batch page; an empty list means the whole batch. */
export function lineIdsOf(value: unknown): number[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null || value === "" ? [] : [value];
  return [...new Set(list.map((v) => batchIdOf(v)))];
}
