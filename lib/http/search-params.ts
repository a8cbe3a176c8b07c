/** One string value of a search param (the first when repeated), trimmed; undefined when empty. */
export function param(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  const t = v?.trim();
  return t ? t.slice(0, 200) : undefined;
}

/** A positive page number; anything else is page 1. */
export function pageParam(value: string | string[] | undefined): number {
  const n = Number(param(value));
  return Number.isInteger(n) && n > 0 && n < 100000 ? n : 1;
}
