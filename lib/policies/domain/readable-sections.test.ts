import { describe, expect, it } from "vitest";
import { getPreset } from "@/lib/policies/domain/preset-registry";
import { readableSections } from "./readable-sections";

describe("readableSections", () => {
  const sections = readableSections(getPreset("shaoyang-2021")!);
  const section = (title: string) => sections.find((s) => s.title === title)!;

  it("splits each rule from its source paragraph", () => {
    const rule = section("医疗救助").lines[0]!;
    expect(rule.text).toContain("起付线 6000 元（每次申请），救助比例 50%");
    expect(rule).toMatchObject({ source: "003 §三(八)", defaulted: false });
  });

  it("marks lines that rest only on defaults, and every entry of the defaults list", () => {
    expect(section("基本医保").lines.filter((l) => l.source !== null).every((l) => l.defaulted)).toBe(true);
    // 003 §三(六) holds quoted figures and a defaulted cap: the line is not marked, the list names the cap.
    expect(section("大病保险").lines[0]).toMatchObject({ source: "003 §三(六)", defaulted: false });
    const defaults = section("文件未明确、采用默认值的项目").lines;
    expect(defaults.length).toBeGreaterThan(2);
    expect(defaults.every((l) => l.defaulted)).toBe(true);
    expect(defaults.map((l) => l.text).join("\n")).toContain("封顶线");
  });
});
