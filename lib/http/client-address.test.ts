import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxyHops } from "./client-address";

const h = (entries: Record<string, string>) => ({ get: (n: string) => entries[n] ?? null });

describe("clientAddress", () => {
  it("without a trusted proxy, no header is believed: a client cannot write its own address into the audit log", () => {
    // Next fills X-Forwarded-For with the socket's address only when the client sent none, so
    // the header cannot tell the peer from a forgery: the address is unknown.
    expect(clientAddress(h({ "x-forwarded-for": "203.0.113.7" }), 0)).toBeNull();
    expect(clientAddress(h({ "x-forwarded-for": "1.2.3.4, 203.0.113.7" }), 0)).toBeNull();
    expect(clientAddress(h({ "x-real-ip": "198.51.100.2" }), 0)).toBeNull();
    expect(clientAddress(h({}), 0)).toBeNull();
  });

  it("behind one trusted proxy: the address it appended (the last entry), not one the client put in front", () => {
    expect(clientAddress(h({ "x-forwarded-for": "1.2.3.4, 203.0.113.7" }), 1)).toBe("203.0.113.7");
    expect(clientAddress(h({ "x-forwarded-for": "203.0.113.7" }), 1)).toBe("203.0.113.7");
    expect(clientAddress(h({ "x-forwarded-for": "2001:db8::1" }), 1)).toBe("2001:db8::1");
    expect(clientAddress(h({ "x-real-ip": "198.51.100.2" }), 1)).toBe("198.51.100.2");
    expect(clientAddress(h({}), 1)).toBeNull();
  });

  it("behind two proxies (a load balancer, then nginx): the entry the outer one appended", () => {
    expect(clientAddress(h({ "x-forwarded-for": "1.2.3.4, 203.0.113.7, 10.0.0.5" }), 2)).toBe("203.0.113.7");
    // Fewer entries than proxies: the request did not pass all of them; nothing to believe.
    expect(clientAddress(h({ "x-forwarded-for": "203.0.113.7" }), 2)).toBeNull();
  });

  it("an entry that is not an IP address is not recorded", () => {
    expect(clientAddress(h({ "x-forwarded-for": "<script>" }), 1)).toBeNull();
    expect(clientAddress(h({ "x-forwarded-for": "1.2.3.4, unknown" }), 1)).toBeNull();
    expect(clientAddress(h({ "x-real-ip": "x".repeat(500) }), 1)).toBeNull();
  });
});

describe("trustedProxyHops (TRUSTED_PROXY)", () => {
  it("unset or off: 0; 1/true: one proxy; a number: that many", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY: "" })).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY: "0" })).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY: "false" })).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY: "1" })).toBe(1);
    expect(trustedProxyHops({ TRUSTED_PROXY: "true" })).toBe(1);
    expect(trustedProxyHops({ TRUSTED_PROXY: "2" })).toBe(2);
  });

  it("anything else is a configuration error, named", () => {
    expect(() => trustedProxyHops({ TRUSTED_PROXY: "yes please" })).toThrow(/TRUSTED_PROXY/);
    expect(() => trustedProxyHops({ TRUSTED_PROXY: "-1" })).toThrow(/TRUSTED_PROXY/);
  });
});
