import { describe, expect, it } from "vitest";
import { placeName } from "./place-name";

describe("placeName", () => {
  it("prints the township before the village, so the two 松岭村 of the demo county differ", () => {
    expect(placeName({ townshipName: "桃洪镇", villageName: "松岭村" })).toBe("桃洪镇 松岭村");
    expect(placeName({ townshipName: "小沙江镇", villageName: "松岭村" })).toBe("小沙江镇 松岭村");
  });
  it("shows a person registered at township level once, and a withdrawn code as such", () => {
    expect(placeName({ townshipName: "桃洪镇", villageName: "桃洪镇" })).toBe("桃洪镇");
    expect(placeName({ townshipName: null, villageName: null, divisionCode: "430524100299" })).toBe("430524100299（区划已撤销）");
    expect(placeName({ townshipName: "桃洪镇", villageName: null, divisionCode: "430524100299" })).toBe("桃洪镇 430524100299（区划已撤销）");
  });
});
