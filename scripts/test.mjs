// `npm test`: everything, in the order that fails fastest — typecheck, lint,
// unit + integration (PGlite always; PostgreSQL too when TEST_DATABASE_URL is
// set), production build, then Playwright e2e in Debian's Chromium. Ends with
// one plain line "N passed, N failed" counted from both runners' JSON reports.
// `npm test -- unit e2e` runs only the named steps.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const reports = mkdtempSync(path.join(tmpdir(), "portal-test-"));
const vitestJson = path.join(reports, "vitest.json");
const playwrightJson = path.join(reports, "playwright.json");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson };

const steps = [
  ["typecheck", "npx", ["tsc", "--noEmit"]],
  ["lint", "npx", ["eslint", "--max-warnings=0", "."]],
  ["unit", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]],
  ["build", "node", ["scripts/build.mjs"]],
  ["e2e", "npx", ["playwright", "test", "--reporter=list,json"]],
];

function counts() {
  let passed = 0;
  let failed = 0;
  if (existsSync(vitestJson)) {
    const v = JSON.parse(readFileSync(vitestJson, "utf8"));
    passed += v.numPassedTests;
    failed += v.numFailedTests;
  }
  if (existsSync(playwrightJson)) {
    const p = JSON.parse(readFileSync(playwrightJson, "utf8")).stats;
    passed += p.expected + p.flaky;
    failed += p.unexpected;
  }
  return { passed, failed };
}

const only = process.argv.slice(2);
let status = 0;
for (const [name, cmd, args] of steps) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  console.log(`=== ${name}: ${r.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  if (r.status !== 0) {
    status = r.status ?? 1;
    break;
  }
}
const { passed, failed } = counts();
console.log(`\n${passed} passed, ${status !== 0 && failed === 0 ? 1 : failed} failed`);
process.exit(status);
