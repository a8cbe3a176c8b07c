import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { actionName } from "@/lib/audit/domain/action-names";

// The audit log page shows actionName(action): an action written by the code
// without a Chinese name would show as "notices.publish" to a county auditor.
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) && !f.endsWith(".test.ts") ? [p] : [];
  });
}

describe("audit action names", () => {
  it("every action literal the use cases write has a Chinese name", () => {
    const actions = new Set<string>();
    for (const file of sources(join(process.cwd(), "lib"))) {
      for (const m of readFileSync(file, "utf8").matchAll(/\baction: "([a-z_]+\.[a-z_]+)"/g)) actions.add(m[1]!);
    }
    expect(actions.size).toBeGreaterThan(20);
    const unnamed = [...actions].filter((a) => actionName(a) === a || !/[\u4e00-\u9fff]/.test(actionName(a)));
    expect(unnamed).toEqual([]);
  });
});
