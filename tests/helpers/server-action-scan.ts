import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { isAction } from "@/lib/auth/domain/permissions";

// Reads every "use server" file under app/ with the TypeScript parser: its
// exported functions (the server actions), the calls each makes to lib/ in
// the order they are evaluated, and, for each use case called, the
// permission(s) of the matrix its module checks. Used by
// tests/integration/server-actions-authorization.test.ts.

const ROOT = path.resolve(__dirname, "../..");

/** How an action obtains its actor: each signs the request's session in, or sends it to /login. */
export const GUARDS = ["requireContext", "requirePasswordChangeContext", "requireSecurityContext", "requireAwaitingSecondFactor"] as const;
const GUARD_MODULE = "@/lib/auth/current-actor";
/** next-auth's own sign-in and sign-out. */
const SESSION_CALLS = new Set(["signIn", "signOut"]);
const SESSION_MODULE = "@/lib/auth/next-auth";
/**
 * lib/ modules that are plumbing, not use cases: the action's result shape,
 * the error classes, and the sealing of a typed name for a URL (it reads
 * nothing; the list it leads to checks people.view). An action that calls
 * only these still needs its guard.
 */
const PLUMBING = new Set(["@/lib/http/action-result", "@/lib/errors/app-error", "@/lib/people/name-search-token"]);

export type LibCall = { name: string; module: string; kind: "guard" | "session" | "use-case" };
export type ServerAction = { file: string; name: string; calls: LibCall[] };

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(p);
    else if (/\.tsx?$/.test(entry.name)) yield p;
  }
}

function isUseServerFile(source: ts.SourceFile): boolean {
  const first = source.statements[0];
  return !!first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server";
}

/** Local name → module of the value imports (type-only imports left out). */
function importsOf(source: ts.SourceFile): Map<string, { module: string; imported: string }> {
  const map = new Map<string, { module: string; imported: string }>();
  for (const st of source.statements) {
    if (!ts.isImportDeclaration(st) || st.importClause?.isTypeOnly) continue;
    const module = (st.moduleSpecifier as ts.StringLiteral).text;
    const named = st.importClause?.namedBindings;
    if (named && ts.isNamedImports(named)) {
      for (const el of named.elements) {
        if (el.isTypeOnly) continue;
        map.set(el.name.text, { module, imported: el.propertyName?.text ?? el.name.text });
      }
    }
  }
  return map;
}

/** Calls to imported lib/ functions in evaluation order: a call's callee and arguments before the call itself. */
function libCalls(body: ts.Node, imports: Map<string, { module: string; imported: string }>): LibCall[] {
  const calls: LibCall[] = [];
  const visit = (node: ts.Node) => {
    ts.forEachChild(node, visit);
    if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
    const bound = imports.get(node.expression.text);
    if (!bound || !bound.module.startsWith("@/lib/") || PLUMBING.has(bound.module) || bound.module.includes("/domain/")) return;
    const kind = bound.module === GUARD_MODULE && (GUARDS as readonly string[]).includes(bound.imported)
      ? "guard"
      : bound.module === SESSION_MODULE && SESSION_CALLS.has(bound.imported) ? "session" : "use-case";
    calls.push({ name: bound.imported, module: bound.module, kind });
  };
  visit(body);
  return calls;
}

export function serverActions(appDir = path.join(ROOT, "app")): ServerAction[] {
  const actions: ServerAction[] = [];
  for (const file of files(appDir)) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    if (!isUseServerFile(source)) continue;
    const imports = importsOf(source);
    const rel = path.relative(ROOT, file);
    for (const st of source.statements) {
      const exported = ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (!exported) continue;
      if (ts.isFunctionDeclaration(st) && st.name && st.body) actions.push({ file: rel, name: st.name.text, calls: libCalls(st.body, imports) });
      if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) {
          if (ts.isIdentifier(d.name) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) {
            actions.push({ file: rel, name: d.name.text, calls: libCalls(d.initializer.body, imports) });
          }
        }
      }
    }
  }
  return actions.sort((a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name));
}

function moduleFile(specifier: string, from?: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(ROOT, specifier.slice(2)) : from ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [`${base}.ts`, path.join(base, "index.ts")]) if (existsSync(candidate)) return candidate;
  return null;
}

/**
 * Permission names in the code of a module (comments do not count), in source
 * order: the action argument of requirePermission(ctx, "…"), a `permission:
 * "…"` handed to a shared step, and (`anyLiteral`) any string literal that is
 * an action of the matrix — a permission handed on as an argument,
 * loadNoticeFor(ctx, id, "notices.view").
 */
function literalsIn(text: string, anyLiteral = false): string[] {
  const source = ts.createSourceFile("m.ts", text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "requirePermission") {
      const arg = node.arguments[1];
      if (arg && ts.isStringLiteral(arg)) found.push(arg.text);
    } else if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === "permission" && ts.isStringLiteral(node.initializer)) {
      found.push(node.initializer.text);
    } else if (anyLiteral && ts.isStringLiteral(node) && isAction(node.text)) {
      found.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Whether the module's code (not a comment) calls requirePermission or requireWithin. */
function callsGuard(text: string): boolean {
  const source = ts.createSourceFile("m.ts", text, ts.ScriptTarget.Latest, true);
  let found = false;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "requirePermission") found = true;
    if (!found) ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * The permissions a use-case module checks, first the one it checks first:
 * its own requirePermission(ctx, "…") and `permission: "…"` (handed to a
 * shared step such as runTransition), then those of the lib/ modules it
 * imports that call requirePermission themselves (one step: loadNoticeFor,
 * loadFormCase, caseAccess …).
 */
export function permissionsOf(specifier: string): { file: string | null; permissions: string[]; gate: string[] } {
  const file = moduleFile(specifier);
  if (!file) return { file: null, permissions: [], gate: [] };
  const text = readFileSync(file, "utf8");
  // A permission handed on as an argument (loadNoticeFor(ctx, id, "notices.view")): any quoted action name.
  let own = literalsIn(text);
  if (own.length === 0) own = literalsIn(text, true);
  const hop: string[] = [];
  for (const m of text.matchAll(/^import\s+(?!type)[^;]*?from\s+"([^"]+)"/gm)) {
    const spec = m[1]!;
    if (!(spec.startsWith("@/lib/") || spec.startsWith(".")) || spec.includes("/domain/") || spec === "@/lib/auth/require-permission") continue;
    const dep = moduleFile(spec, file);
    if (!dep) continue;
    const depText = readFileSync(dep, "utf8");
    if (callsGuard(depText)) hop.push(...literalsIn(depText));
  }
  const permissions = [...new Set([...own, ...hop])];
  // A step either side may take checks the permission the actor holds:
  // can(user, "applications.audit") ? "applications.audit" : "applications.intake" — refused only without both.
  const chooser = text.match(/can\([^,]+,\s*"([a-z_]+\.[a-z_]+)"\)\s*\?\s*"([a-z_]+\.[a-z_]+)"\s*:\s*"([a-z_]+\.[a-z_]+)"/);
  const gate = chooser ? [chooser[2]!, chooser[3]!] : permissions.slice(0, 1);
  return { file: path.relative(ROOT, file), permissions, gate };
}
