import { defineConfig } from "drizzle-kit";

// Migrations are generated and committed (`npm run db:generate`), then applied
// by drizzle's migrator for either driver at start-up. Never `push`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
