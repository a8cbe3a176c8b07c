import { afterEach, describe, expect, it } from "vitest";
import { perMinuteSetting, ProcessRateLimit, takeLoginAttempt } from "./rate-limit";

const saved = process.env.LOGIN_RATE_PER_MINUTE;
afterEach(() => {
  if (saved === undefined) delete process.env.LOGIN_RATE_PER_MINUTE;
  else process.env.LOGIN_RATE_PER_MINUTE = saved;
});

describe("ProcessRateLimit", () => {
  it("a minute's worth at once per key, then one more per 60/rate seconds; the setting is read at each use", () => {
    const limit = new ProcessRateLimit("H6_TEST_RATE", 6);
    const t0 = 1_000_000;
    for (let i = 0; i < 6; i++) expect(limit.take("a", t0).allowed).toBe(true);
    expect(limit.take("a", t0)).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(limit.take("b", t0).allowed).toBe(true);
    expect(limit.take("a", t0 + 10_000).allowed).toBe(true);
    process.env.H6_TEST_RATE = "0";
    for (let i = 0; i < 100; i++) expect(limit.take("a", t0 + 10_000).allowed).toBe(true);
    delete process.env.H6_TEST_RATE;
  });

  it("a bad setting is a named configuration error", () => {
    expect(perMinuteSetting({}, "X", 5)).toBe(5);
    expect(perMinuteSetting({ X: "0" }, "X", 5)).toBe(0);
    expect(() => perMinuteSetting({ X: "many" }, "X", 5)).toThrow(/X must be/);
    expect(() => perMinuteSetting({ X: "-3" }, "X", 5)).toThrow(/X must be/);
  });
});

describe("takeLoginAttempt", () => {
  it("LOGIN_RATE_PER_MINUTE attempts per address; an unknown address shares one bucket of ten times that", () => {
    process.env.LOGIN_RATE_PER_MINUTE = "2";
    const t0 = 5_000_000;
    expect(takeLoginAttempt("192.0.2.1", t0).allowed).toBe(true);
    expect(takeLoginAttempt("192.0.2.1", t0).allowed).toBe(true);
    expect(takeLoginAttempt("192.0.2.1", t0)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(takeLoginAttempt("192.0.2.2", t0).allowed).toBe(true);
    for (let i = 0; i < 20; i++) expect(takeLoginAttempt(null, t0).allowed).toBe(true);
    expect(takeLoginAttempt(null, t0).allowed).toBe(false);
  });
});
