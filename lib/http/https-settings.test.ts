import { describe, expect, it } from "vitest";
import { httpsSettings } from "./https-settings";

describe("httpsSettings (PORTAL_HTTPS)", () => {
  it("off unless the deployment says it serves https; then HSTS for a year by default", () => {
    expect(httpsSettings({})).toEqual({ https: false, hsts: null });
    expect(httpsSettings({ PORTAL_HTTPS: "0" })).toEqual({ https: false, hsts: null });
    expect(httpsSettings({ PORTAL_HTTPS: "1" })).toEqual({ https: true, hsts: "max-age=31536000" });
    expect(httpsSettings({ PORTAL_HTTPS: "true", HSTS_MAX_AGE: "600" })).toEqual({ https: true, hsts: "max-age=600" });
    expect(httpsSettings({ PORTAL_HTTPS: "1", HSTS_MAX_AGE: "0" })).toEqual({ https: true, hsts: null });
  });

  it("a bad value is a named configuration error", () => {
    expect(() => httpsSettings({ PORTAL_HTTPS: "yes" })).toThrow(/PORTAL_HTTPS/);
    expect(() => httpsSettings({ PORTAL_HTTPS: "1", HSTS_MAX_AGE: "1 year" })).toThrow(/HSTS_MAX_AGE/);
  });
});
