import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import drizzle from "eslint-plugin-drizzle";

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
    files: ["lib/*/domain/**/*.ts", "lib/{money,id-number,categories,settlement,subsidy,monitoring,demo}/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["@/db", "@/db/*", "next", "next/*", "react", "drizzle-orm", "drizzle-orm/*"], message: "pure domain modules do no I/O" }] }] },
  },
);
