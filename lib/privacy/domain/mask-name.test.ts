import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMPOUND_SURNAMES } from "./compound-surnames";
import { maskName } from "./mask-name";

const cp = (s: string) => Array.from(s);
const hanChar = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
const rareChar = fc.constantFrom("䶮", "𠮷", "𪚥", "㐂", "堃", "赟");
const nameChar = fc.oneof({ weight: 4, arbitrary: hanChar }, { weight: 1, arbitrary: rareChar });
const plainName = fc.array(nameChar, { minLength: 1, maxLength: 6 }).map((a) => a.join(""));

describe("maskName", () => {
  it("one character: hidden whole", () => {
    expect(maskName("王")).toBe("*");
    expect(maskName("䶮")).toBe("*");
    expect(maskName("𠮷")).toBe("*");
  });

  it("two characters (one-character surname, one-character given name): 张*", () => {
    expect(maskName("张三")).toBe("张*");
    expect(maskName("刘䶮")).toBe("刘*");
    expect(maskName("𠮷明")).toBe("𠮷*");
    expect(maskName("欧阳")).toBe("欧*");
  });

  it("three or more: first and last kept", () => {
    expect(maskName("张小三")).toBe("张*三");
    expect(maskName("李建国强")).toBe("李**强");
    expect(maskName("王䶮华")).toBe("王*华");
    expect(maskName("王华䶮")).toBe("王*䶮");
  });

  it("astral characters count as one, never split into half surrogates", () => {
    expect(maskName("𠮷野家")).toBe("𠮷*家");
    expect(maskName("张𠮷𠮷三")).toBe("张**三");
    expect(maskName("王小𠮷")).toBe("王*𠮷");
    expect(maskName("张𠮷三")).not.toMatch(/[\uD800-\uDFFF]/u);
  });

  it("compound surnames are kept, and something is always hidden", () => {
    expect(maskName("欧阳明")).toBe("欧阳*");
    expect(maskName("欧阳明华")).toBe("欧阳*华");
    expect(maskName("司马相如")).toBe("司马*如");
    expect(maskName("诸葛亮")).toBe("诸葛*");
    expect(maskName("上官婉儿")).toBe("上官*儿");
    expect(maskName("欧阳明华光")).toBe("欧阳**光");
    expect(maskName("独孤求败")).toBe("独孤*败");
  });

  it("minority names with a middle dot keep the part before the dot", () => {
    expect(maskName("买买提·艾力")).toBe("买买提·**");
    expect(maskName("阿不都·热合曼")).toBe("阿不都·***");
    expect(maskName("阿依古丽·买买提·艾力")).toBe("阿依古丽·***·**");
    expect(maskName("买买提•艾力")).toBe("买买提•**");
    expect(maskName("买买提・艾力")).toBe("买买提・**");
  });

  it("stray dots and spaces do not leave a name readable", () => {
    expect(maskName(" 张三 ")).toBe("张*");
    expect(maskName("·艾力")).toBe("艾*");
    expect(maskName("张·")).toBe("*");
    expect(maskName("")).toBe("");
  });

  it("property: same length in code points, at least one hidden, first character kept (names of 2+)", () => {
    fc.assert(
      fc.property(plainName, (name) => {
        const masked = maskName(name);
        const m = cp(masked);
        const n = cp(name);
        expect(m.length).toBe(n.length);
        expect(m.filter((c) => c === "*").length).toBeGreaterThanOrEqual(1);
        expect(masked).not.toBe(name);
        if (n.length >= 2) expect(m[0]).toBe(n[0]);
        if (n.length >= 3 && !COMPOUND_SURNAMES.has(n[0]! + n[1]!)) expect(m.slice(1, -1).every((c) => c === "*")).toBe(true);
        expect(masked).not.toMatch(/(?:[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF])/u);
      }),
    );
  });

  it("property: a compound surname is kept and the given name is never readable whole", () => {
    fc.assert(
      fc.property(fc.constantFrom(...COMPOUND_SURNAMES), fc.array(nameChar, { minLength: 1, maxLength: 4 }), (surname, given) => {
        const masked = maskName(surname + given.join(""));
        expect(masked.startsWith(surname)).toBe(true);
        expect(masked).toContain("*");
        expect(cp(masked).length).toBe(2 + given.length);
      }),
    );
  });

  it("property: dotted names show nothing after the first dot", () => {
    fc.assert(
      fc.property(plainName, fc.array(plainName, { minLength: 1, maxLength: 3 }), (first, rest) => {
        const masked = maskName([first, ...rest].join("·"));
        const [head, ...tail] = masked.split("·");
        expect(head).toBe(first);
        expect(tail.map((t) => t.replace(/\*/g, ""))).toEqual(rest.map(() => ""));
        expect(tail.map((t) => t.length)).toEqual(rest.map((r) => cp(r).length));
      }),
    );
  });

  it("is idempotent on its own output (masking twice shows no more)", () => {
    fc.assert(
      fc.property(plainName, (name) => {
        const clear = (s: string) => cp(s).filter((c) => c !== "*").length;
        expect(clear(maskName(maskName(name)))).toBeLessThanOrEqual(clear(maskName(name)));
      }),
    );
  });
});
