import { describe, expect, it } from "vitest";
import { birthDateOf, checkChar, idNumberProblem, maskIdNumber, sexOf, upgradeIdNumber } from "./id-number";

// 11010519491231002X is the standard's own worked example (GB 11643-1999 附录).
const EXAMPLE = "11010519491231002X";

describe("GB 11643 ID numbers", () => {
  it("computes the check character of the standard's example", () => {
    expect(checkChar(EXAMPLE.slice(0, 17))).toBe("X");
    expect(idNumberProblem(EXAMPLE)).toBeNull();
  });
  it("names the problem of a bad ID", () => {
    expect(idNumberProblem("110105194912310021")).toBe("checkChar");
    expect(idNumberProblem("11010519490231002X".slice(0, 17) + checkChar("11010519490231002"))).toBe("birthDate");
    expect(idNumberProblem("12345")).toBe("format");
    expect(idNumberProblem("990105194912310021")).toBe("division");
    const future = "43052420990101001";
    expect(idNumberProblem(future + checkChar(future))).toBe("birthDate");
  });
  it("reads birth date and sex", () => {
    expect(birthDateOf(EXAMPLE)).toBe("1949-12-31");
    expect(sexOf(EXAMPLE)).toBe("female");
    expect(sexOf("430524195803020011".slice(0, 16) + "1" + "0")).toBe("male");
  });
  it("upgrades a 15-digit ID to 18 digits", () => {
    expect(upgradeIdNumber("110105491231002")).toBe(EXAMPLE);
  });
  it("masks to the first 6 and the last 4", () => {
    expect(maskIdNumber(EXAMPLE)).toBe("110105********002X");
  });
});
