import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import drizzle from "eslint-plugin-drizzle";

// Layering (docs/architecture.md). Pure code lives in an area's domain/ folder
// (lib/<area>/domain/), or in a pure library: a lib/ folder with no use cases at all.
const PURE_LIBRARIES = ["money", "id-number", "categories", "departments", "errors", "crypto", "navigation", "settlement", "subsidy", "demo"];
const PURE_FILES = ["lib/*/domain/**/*.ts", ...PURE_LIBRARIES.map((name) => `lib/${name}/**/*.ts`)];
// An import of lib/ that is not pure: anything but lib/<area>/domain/… and the pure libraries.
const IMPURE_LIB_IMPORT = `^@/lib/(?!(?:[^/]+/domain|${PURE_LIBRARIES.join("|")})/)`;

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "data/**", "db/migrations/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ["scripts/**/*.mjs", "*.mjs"], languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } } },
  {
    plugins: { "react-hooks": reactHooks, drizzle },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      // create-t3-app's guard: an update or delete without where() touches every row.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "no-console": ["error", { allow: ["error", "warn", "log"] }],
    },
  },
  {
    // Layering (docs/architecture.md): app/ never touches db/ directly; pure domain modules never import db/, next or react.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["@/db", "@/db/*", "drizzle-orm", "drizzle-orm/*"], message: "app/ calls a use case in lib/, never db/ directly" }] }] },
  },
  {
    // The command line is a front end like app/: it parses, builds the CLI actor's context and calls a use case in lib/
    // (permissions and audit included). It may open the database (client, config, setup, folder lock) but never query it.
    files: ["cli/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["@/db/queries", "@/db/queries/*", "@/db/schema", "@/db/schema/*", "@/db/bulk", "@/db/transaction", "drizzle-orm", "drizzle-orm/*"], message: "cli/ calls a use case in lib/ (with the CLI actor), never db/ queries directly" }] }] },
  },
  {
    // Pure modules do no I/O and know no framework; a use case (server-only) never sits among them.
    files: PURE_FILES,
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["@/db", "@/db/*", "next", "next/*", "react", "drizzle-orm", "drizzle-orm/*", "server-only", "node:fs", "node:fs/*", "fs", "fs/*", "node:child_process", "node:net"], message: "pure domain modules do no I/O" }] }] },
  },
  {
    // db/ is below lib/: it may use pure lib modules (ID sealing, types of the domain) but never a use case, nor the seed above both.
    files: ["db/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { regex: IMPURE_LIB_IMPORT, message: "db/ may import pure lib modules only (lib/<area>/domain or a pure library), never a use case" },
        { group: ["@/seed", "@/seed/**", "@/app/**", "@/cli/**", "@/components/**", "next", "next/*", "react"], message: "db/ is the bottom layer: nothing above it" },
      ] }],
    },
  },
);
