// Zod issue paths as people write them: `claims[1].policyScopeCost`,
// `assistance.rules[0].pool`.

export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}
