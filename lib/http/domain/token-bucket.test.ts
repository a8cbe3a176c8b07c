import { describe, expect, it } from "vitest";
import { takeToken, TokenBuckets } from "./token-bucket";

const rule = { capacity: 3, refillPerSecond: 0.5 };

describe("takeToken", () => {
  it("allows a burst up to the capacity, then refuses with the wait", () => {
    let b = undefined;
    const seen: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      const t = takeToken(b, rule, 1000);
      seen.push(t.allowed);
      b = t.bucket;
      if (!t.allowed) expect(t.retryAfterSeconds).toBe(2);
    }
    expect(seen).toEqual([true, true, true, false]);
  });

  it("refills with time, never above the capacity", () => {
    const empty = { tokens: 0, at: 0 };
    expect(takeToken(empty, rule, 1999).allowed).toBe(false);
    expect(takeToken(empty, rule, 2000).allowed).toBe(true);
    expect(takeToken(empty, rule, 1_000_000).bucket.tokens).toBe(2);
  });

  it("a clock that goes back adds nothing", () => {
    expect(takeToken({ tokens: 0.5, at: 5000 }, rule, 1000).allowed).toBe(false);
  });
});

describe("TokenBuckets", () => {
  it("keeps one bucket per key", () => {
    const buckets = new TokenBuckets(rule);
    for (let i = 0; i < 3; i++) expect(buckets.take("a", 0).allowed).toBe(true);
    expect(buckets.take("a", 0).allowed).toBe(false);
    expect(buckets.take("b", 0).allowed).toBe(true);
  });

  it("stays bounded under many keys, dropping idle buckets first", () => {
    const buckets = new TokenBuckets(rule, 100);
    for (let i = 0; i < 3; i++) buckets.take("busy", 0);
    for (let i = 0; i < 1000; i++) buckets.take(`forged-${i}`, 1);
    expect(buckets.size).toBeLessThanOrEqual(100);
  });

  it("drops an idle (refilled) bucket before a client that is being limited", () => {
    const buckets = new TokenBuckets(rule, 2);
    buckets.take("idle", 0); // full again 2 s later
    for (let i = 0; i < 3; i++) buckets.take("busy", 9000);
    buckets.take("new", 9000); // three keys: the idle one goes
    expect(buckets.size).toBe(2);
    expect(buckets.take("busy", 9000).allowed).toBe(false);
  });
});
