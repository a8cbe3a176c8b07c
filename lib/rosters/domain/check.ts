// Shared by the column checks.

/** The normalised value of a cell, or a Chinese reason that says what to fix. */
export type Check<T> = { value: T; reason?: undefined } | { value?: undefined; reason: string };

export function fail(reason: string): { reason: string } {
  return { reason };
}

/** A clerk's value inside a message, clipped so that a garbage cell cannot make a huge report. */
export function shown(raw: string): string {
  return raw.length > 30 ? `${raw.slice(0, 30)}…` : raw;
}

/** Full-width digits and letters (０-９, Ｘ) as typed with a Chinese IME, to ASCII. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * A Map that stops growing at `limit` entries. Roster columns repeat a few
 * values (categories, villages, dates) a million times; a file of garbage must
 * not turn the cache into a leak.
 */
export class BoundedCache<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly limit: number) {}

  get(key: string, compute: (key: string) => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined || this.map.has(key)) return hit as V;
    const value = compute(key);
    if (this.map.size < this.limit) this.map.set(key, value);
    return value;
  }
}
