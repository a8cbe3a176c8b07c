// `npm run bench -- <name> [args]`: runs bench/<name>.ts, whose default export
// prints its figures beside a baseline measured in the same run.
import { readdirSync } from "node:fs";
import path from "node:path";

const here = path.dirname(new URL(import.meta.url).pathname);
const available = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && !["main.ts"].includes(f) && !f.startsWith("_"))
  .map((f) => f.replace(/\.ts$/, ""));

async function main() {
  const [name, ...args] = process.argv.slice(2);
  if (!name || !available.includes(name)) {
    process.stderr.write(`usage: npm run bench -- <${available.join("|")}> [args]\n`);
    process.exit(2);
  }
  const mod = (await import(path.join(here, `${name}.ts`))) as { default: (args: string[]) => Promise<void> };
  await mod.default(args);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
