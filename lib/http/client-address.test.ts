import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const h = (entries: Record<string, string>) => ({ get: (n: string) => entries[n] ?? null });

describe("clientAddress", () => {
  it("takes the address the proxy appended, not one the client put in front", () => {
    expect(clientAddress(h({ "x-forwarded-for": "1.2.3.4, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientAddress(h({ "x-forwarded-for": "203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientAddress(h({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientAddress(h({}))).toBeNull();
  });
});
