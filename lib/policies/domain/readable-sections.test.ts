import { describe, expect, it } from "vitest";
import { getPreset } from "@/lib/policies/domain/preset-registry";
import { readableSections } from "./readable-sections";

describe("readableSections", () => {
  const sections = readableSections(getPreset("shaoyang-2021")!);
  const section = (title: string) => sections.find((s) => s.title === title)!;

  it("splits each rule from its source paragraph", () => {
    const rule = section("医疗救助").lines.find((l) => l.text.includes("每次申请"))!;
    expect(rule.text).toContain("起付线 6000 元（每次申请），救助比例 50%");
    expect(rule).toMatchObject({ source: { ref: "邵医保发〔2021〕32号 §三(八)", document: "邵阳市医疗保障局等《关于巩固拓展医疗保障脱贫攻坚成果有效衔接乡村振兴战略的实施方案》（邵医保发〔2021〕32号）" }, defaulted: false });
    expect(rule.source!.quote).toContain("起付线 6000 元，按 50%救助");
  });

  it("marks lines that rest only on defaults, and every entry of the defaults list", () => {
    expect(section("基本医保").lines.filter((l) => l.source !== null).every((l) => l.defaulted)).toBe(true);
    // 003 §三(六) holds quoted figures and a defaulted cap: the line is not marked, the list names the cap.
    expect(section("大病保险").lines[0]).toMatchObject({ source: { ref: "邵医保发〔2021〕32号 §三(六)" }, defaulted: false });
    const defaults = section("文件未明确、采用默认值的项目").lines;
    expect(defaults.length).toBeGreaterThan(2);
    expect(defaults.every((l) => l.defaulted)).toBe(true);
    expect(defaults.map((l) => l.text).join("\n")).toContain("封顶线");
    // No file names or digests anywhere on the page.
    expect(JSON.stringify(sections)).not.toMatch(/\.txt|_[0-9a-f]{16}/);
  });
});
