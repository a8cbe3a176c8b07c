import { defineConfig } from "@playwright/test";
import { e2eDatabaseUrl } from "./e2e/helpers/e2e-database";

// e2e runs against the production build (`next build` first) served by
// `next start`, on a scratch database of the real PostgreSQL so that tests can
// check the database directly (TEST_DATABASE_URL; on this machine kind the
// local server is the default). The embedded-PGlite path of `npm start` has
// its own spec (start-embedded.spec.ts), which boots a second server.
// E2E_PORT lets a second checkout run its own build and specs beside this one.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const databaseUrl = e2eDatabaseUrl();

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  // One retry in CI only: a passed retry is reported as "flaky" in the output, never hidden.
  retries: process.env.CI ? 1 : 0,
  // A forgotten test.only would silently skip the rest of the suite in CI.
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  globalTeardown: "./e2e/helpers/global-teardown.ts",
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "zh-CN",
    // A failed test leaves its trace (DOM snapshots, network, console) in test-results/; passing ones leave nothing.
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    timezoneId: "Asia/Shanghai",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
      ],
    },
  },
  webServer: {
    command: `node scripts/e2e-server.mjs`,
    url: `http://localhost:${PORT}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { PORT: String(PORT), DATABASE_URL: databaseUrl, AUTH_SECRET: "e2e-only-secret-not-for-production", AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1",
      // Fixed test keys for the encrypted ID numbers (lib/crypto/data-keys.ts); e2e only.
      PORTAL_DATA_KEY: Buffer.alloc(32, 1).toString("base64"), PORTAL_INDEX_KEY: Buffer.alloc(32, 2).toString("base64") },
  },
});
