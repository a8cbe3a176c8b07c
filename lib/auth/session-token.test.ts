import { afterEach, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { decodeSessionToken, encodeSessionToken, SESSION_COOKIE_UPDATE_AGE_S } from "./session-token";

// The session cookie's encode/decode (session-token.ts): re-used while fresh,
// never accepted where Auth.js's own decode would refuse it.

const secret = "test-secret-of-the-session-cookie-0123456789";
const salt = "authjs.session-token";
const maxAge = 12 * 3600;
const claims = { uid: "u-1", sv: 1, sid: "s-1", sub: "u-1" };

afterEach(() => {
  vi.useRealTimers();
});

describe("session cookie", () => {
  it("decodes a cookie Auth.js issued, and decodes it again to the same claims", async () => {
    const token = await encode({ token: claims, secret, salt, maxAge });
    const first = await decodeSessionToken({ token, secret, salt });
    const second = await decodeSessionToken({ token, secret, salt });
    expect(first).toMatchObject(claims);
    expect(second).toEqual(first);
  });

  it("answers an unchanged, fresh session with the same cookie instead of encrypting a new one", async () => {
    const token = await encode({ token: claims, secret, salt, maxAge });
    const decoded = await decodeSessionToken({ token, secret, salt });
    expect(await encodeSessionToken({ token: decoded!, secret, salt, maxAge })).toBe(token);
  });

  it("issues a new cookie when the claims changed", async () => {
    const token = await encode({ token: claims, secret, salt, maxAge });
    const decoded = await decodeSessionToken({ token, secret, salt });
    decoded!.sv = 2;
    const fresh = await encodeSessionToken({ token: decoded!, secret, salt, maxAge });
    expect(fresh).not.toBe(token);
    expect(await decodeSessionToken({ token: fresh, secret, salt })).toMatchObject({ ...claims, sv: 2 });
  });

  it("issues a new cookie with a later expiry once the update age has passed", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-07T08:00:00Z"));
    const token = await encode({ token: claims, secret, salt, maxAge });
    vi.setSystemTime(new Date(Date.now() + (SESSION_COOKIE_UPDATE_AGE_S - 60) * 1000));
    const early = await decodeSessionToken({ token, secret, salt });
    expect(await encodeSessionToken({ token: early!, secret, salt, maxAge })).toBe(token);
    vi.setSystemTime(new Date(Date.now() + 120 * 1000));
    const late = await decodeSessionToken({ token, secret, salt });
    const renewed = await encodeSessionToken({ token: late!, secret, salt, maxAge });
    expect(renewed).not.toBe(token);
    const again = await decodeSessionToken({ token: renewed, secret, salt });
    expect(again!.exp).toBeGreaterThan(late!.exp!);
  });

  it("refuses an altered cookie even after the genuine one was decoded", async () => {
    const token = await encode({ token: claims, secret, salt, maxAge });
    await decodeSessionToken({ token, secret, salt });
    const parts = token.split(".");
    const tag = parts[4]!;
    parts[4] = (tag[0] === "A" ? "B" : "A") + tag.slice(1);
    await expect(decodeSessionToken({ token: parts.join("."), secret, salt })).rejects.toThrow();
  });

  it("refuses a cookie under another cookie name (salt) even after it was decoded", async () => {
    const token = await encode({ token: claims, secret, salt, maxAge });
    await decodeSessionToken({ token, secret, salt });
    await expect(decodeSessionToken({ token, secret, salt: "__Secure-authjs.session-token" })).rejects.toThrow();
  });

  it("refuses a cookie past its expiry even after it was decoded", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-07T08:00:00Z"));
    const token = await encode({ token: claims, secret, salt, maxAge });
    expect(await decodeSessionToken({ token, secret, salt })).toMatchObject(claims);
    vi.setSystemTime(new Date(Date.now() + (maxAge + 60) * 1000));
    await expect(decodeSessionToken({ token, secret, salt })).rejects.toThrow();
  });
});
