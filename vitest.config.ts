import { defineConfig } from "vitest/config";
import path from "node:path";

// Unit tests (pure lib modules) and integration tests (tests/integration, real
// databases). `server-only` throws outside React Server bundles, so it is
// resolved to its empty react-server build here, as the CLI does with
// `--conditions=react-server`.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      "server-only": path.resolve(__dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts", "cli/**/*.test.ts"],
    environment: "node",
    // Test keys for the encrypted ID numbers (lib/crypto/data-keys.ts).
    setupFiles: ["tests/setup-keys.ts"],
    // Route handlers are tested as they are (tests/integration/*-limit*.test.ts):
    // next-auth imports "next/server" without the ".js" Node's ESM resolver
    // needs, so it is bundled by Vite instead of loaded by Node.
    server: { deps: { inline: ["next-auth"] } },
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
