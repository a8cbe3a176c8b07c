/**
 * Freezes an object and everything inside it. Policy records are frozen: the
 * settlement engine caches its compiled form by the record's identity, and a
 * record is shared by every caller, so a change to one would silently be a
 * change to all.
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
