import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskIdNumber, publicIdNumber, STRICTEST_ID_MASK } from "./mask-id-number";

const EXAMPLE = "11010519491231002X";

describe("maskIdNumber", () => {
  it("keeps at most the first 6 and the last 4", () => {
    expect(maskIdNumber(EXAMPLE)).toBe("110105********002X");
    expect(maskIdNumber("110105491231002")).toBe("110105*****1002");
  });

  it("hides the birth date digits", () => {
    expect(maskIdNumber(EXAMPLE)).not.toContain("19491231");
  });

  it("hides a short value whole", () => {
    expect(maskIdNumber("1234567890")).toBe("**********");
    expect(maskIdNumber("")).toBe("");
  });

  it("counts a character outside the BMP (a surrogate pair) as one", () => {
    const odd = "𠀀110105491231002𠀁";
    expect(maskIdNumber(odd)).toBe("𠀀11010*******002𠀁");
    expect(maskIdNumber("𠀀12345678𠀁")).toBe("**********");
  });

  it("property: never more than 10 characters in clear, same length", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (id) => {
        const m = maskIdNumber(id);
        expect(m.length).toBe(18);
        expect(m.replace(/\*/g, "").length).toBe(10);
        expect(m.slice(6, 14)).toBe("********");
      }),
    );
  });
});

describe("publicIdNumber", () => {
  it("shows nothing by default (the strictest level)", () => {
    expect(STRICTEST_ID_MASK).toBe("none");
    expect(publicIdNumber(EXAMPLE)).toBeNull();
  });

  it("shows the partial mask only when asked", () => {
    expect(publicIdNumber(EXAMPLE, "first6last4")).toBe("110105********002X");
  });
});
