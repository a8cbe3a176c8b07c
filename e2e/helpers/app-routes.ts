import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

// Every page and route handler of the app, read from the file system when the
// test runs: a new page.tsx or route.ts (or a new method in a route.ts) is
// walked, or fails the walk for want of an expectation, without anyone
// remembering to add it to a list.

export type AppRoute = { kind: "page" | "handler"; method: string; pattern: string; file: string };

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** "app/(portal)/people/[id]/page.tsx" → "/people/[id]": route groups and the file name dropped. */
export function urlPattern(fileUnderApp: string): string {
  const parts = fileUnderApp.split(sep).join("/").split("/").slice(0, -1).filter((s) => !/^\(.*\)$/.test(s));
  return `/${parts.join("/")}`;
}

/** The HTTP methods a route.ts exports (export const GET, export async function POST, export const { GET, POST } = …). */
export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|let|async\s+function|function)\s+([A-Z]+)\b/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s+const\s*\{([^}]*)\}\s*=/g)) {
    for (const name of m[1]!.split(",")) found.add(name.split(":").pop()!.trim());
  }
  return METHODS.filter((m) => found.has(m));
}

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

export function appRoutes(appDir = join(process.cwd(), "app")): AppRoute[] {
  const routes: AppRoute[] = [];
  for (const path of files(appDir)) {
    const rel = relative(appDir, path);
    const name = rel.split(sep).pop();
    if (name === "page.tsx" || name === "page.ts") routes.push({ kind: "page", method: "GET", pattern: urlPattern(rel), file: `app/${rel}` });
    if (name === "route.ts" || name === "route.tsx") {
      const methods = exportedMethods(readFileSync(path, "utf8"));
      if (methods.length === 0) throw new Error(`app/${rel} exports no HTTP method the walk recognises`);
      for (const method of methods) routes.push({ kind: "handler", method, pattern: urlPattern(rel), file: `app/${rel}` });
    }
  }
  return routes.sort((a, b) => a.pattern.localeCompare(b.pattern) || a.method.localeCompare(b.method));
}

/** The table's key of a route: "/people/[id]" for a page, "GET /api/v1/applications/[id]" for a handler. */
export function routeKey(route: Pick<AppRoute, "kind" | "method" | "pattern">): string {
  return route.kind === "page" ? route.pattern : `${route.method} ${route.pattern}`;
}
