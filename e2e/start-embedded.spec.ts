import { expect, test } from "@playwright/test";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEMO_PASSWORD } from "./helpers/login";

// The README's quick start: `npm start` on a machine without a database server
// serves the portal on an embedded PGlite folder, migrated and seeded at boot,
// and the CLI refuses to open that folder while the server holds it.
const PORT = 3101;
let server: ChildProcess;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "portal-start-"));
  const env = { ...process.env, PORT: String(PORT), DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET: "" };
  server = spawn("node", ["scripts/start.mjs"], { env, stdio: "ignore", detached: true });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://localhost:${PORT}/login`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("npm start did not come up in 60 s");
});

test.afterAll(async () => {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
  await new Promise((r) => setTimeout(r, 1000));
  rmSync(dataDir, { recursive: true, force: true });
});

test("npm start serves the seeded demo county on embedded PGlite", async ({ page }) => {
  await page.goto(`http://localhost:${PORT}/login`);
  await page.getByLabel("用户名").fill("yibao.manager");
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("people-count")).toHaveText("3,000");
});

test("the CLI refuses the folder the running server holds", () => {
  const r = spawnSync("npx", ["tsx", "--conditions=react-server", "cli/main.ts", "divisions", "list"], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
    encoding: "utf8",
  });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("正被另一个进程");
  expect(r.stdout).toBe("");
});
