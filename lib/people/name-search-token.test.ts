import { describe, expect, it } from "vitest";
import { openNameSearch, sealNameSearch } from "./name-search-token";

describe("the people list's sealed name search", () => {
  it("round-trips a name without holding it in clear, and differs each time", () => {
    const a = sealNameSearch(" 王大山 ");
    expect(a).not.toContain("王大山");
    expect(decodeURIComponent(new URLSearchParams({ q: a }).toString())).not.toContain("王大山");
    expect(openNameSearch(a)).toBe("王大山");
    expect(sealNameSearch("王大山")).not.toBe(a);
  });

  it("forgets anything that is not one of its tokens", () => {
    expect(openNameSearch(undefined)).toBeUndefined();
    expect(openNameSearch("tampered")).toBeUndefined();
    const token = sealNameSearch("王大山");
    expect(openNameSearch(`${token.slice(0, -4)}AAAA`)).toBeUndefined();
  });
});
