import { describe, expect, it } from "vitest";
import { maskName } from "./mask-name";

describe("maskName", () => {
  it("masks by length, compound surnames and minority names", () => {
    expect(maskName("张三")).toBe("张*");
    expect(maskName("张小三")).toBe("张*三");
    expect(maskName("欧阳明")).toBe("欧*明");
    expect(maskName("欧阳小明")).toBe("欧**明");
    expect(maskName("阿不都·热合曼")).toBe("阿**·热**");
    expect(maskName("王")).toBe("*");
  });
});
