import { describe, expect, it } from "vitest";
import { isDivisionCode, isWithin, levelOf, parentCode, scopePrefix, townshipOf } from "./division-code";

describe("division codes", () => {
  it("knows each level", () => {
    expect(levelOf("430000000000")).toBe("province");
    expect(levelOf("430500000000")).toBe("city");
    expect(levelOf("430524000000")).toBe("county");
    expect(levelOf("430524101000")).toBe("township");
    expect(levelOf("430524101201")).toBe("village");
  });
  it("rejects malformed and inconsistent codes", () => {
    expect(isDivisionCode("43052410120")).toBe(false);
    expect(isDivisionCode("43052410120a")).toBe(false);
    expect(isDivisionCode("430524000201")).toBe(false); // village under no township
    expect(isDivisionCode("000000000000")).toBe(false);
  });
  it("scopes a jurisdiction by its significant prefix", () => {
    expect(scopePrefix("430524000000")).toBe("430524");
    expect(scopePrefix("430524101000")).toBe("430524101");
    expect(isWithin("430524101201", "430524000000")).toBe(true);
    expect(isWithin("430524101201", "430524101000")).toBe(true);
    expect(isWithin("430524102201", "430524101000")).toBe(false);
    // 4305241 is not a prefix boundary: township 101 must not see 1010xx codes of another county.
    expect(isWithin("430525101201", "430524101000")).toBe(false);
    expect(isWithin("430524101000", "430524101201")).toBe(false);
  });
  it("walks up the tree", () => {
    expect(parentCode("430524101201")).toBe("430524101000");
    expect(parentCode("430524101000")).toBe("430524000000");
    expect(parentCode("430500000000")).toBe("430000000000");
    expect(parentCode("430000000000")).toBeNull();
    expect(townshipOf("430524101201")).toBe("430524101000");
    expect(townshipOf("430524000000")).toBeNull();
  });
});
