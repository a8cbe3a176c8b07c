"use client";

import { createContext, useContext } from "react";
import type { Category } from "@/lib/categories/categories";
import { formatIssuePath } from "@/lib/policies/domain/schema/issue-path";

// The draft being edited is one record (the same object the JSON view
// shows); every field reads and writes its slice by path. Errors come back
// from the server by the same path text (`assistance.rules[0].ratioPercent`).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;
export type Path = (string | number)[];

export type Editor = {
  record: Json;
  set: (path: Path, value: unknown) => void;
  /** The server's message for the field at `path`, until that field is edited. */
  error: (path: Path) => string | undefined;
  /** The categories this policy covers, for the rule pickers. */
  covered: Category[];
  /** A new id of the form `prefix-N` that no pool or rule uses yet. */
  newId: (prefix: string) => string;
};

export const EditorContext = createContext<Editor | null>(null);

export function useEditor(): Editor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error("useEditor outside the policy editor");
  return editor;
}

export const pathKey = (path: Path) => formatIssuePath(path);

export function getAt(record: Json, path: Path): Json {
  let v = record;
  for (const k of path) v = v == null ? undefined : v[k];
  return v;
}

/** A copy of `record` with `value` at `path` (undefined deletes the key). */
export function setAt(record: Json, path: Path, value: unknown): Json {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy = Array.isArray(record) ? [...record] : { ...(record ?? {}) };
  const next = setAt(copy[head as never], rest, value);
  if (next === undefined && !Array.isArray(copy)) delete (copy as Record<string, unknown>)[head as string];
  else (copy as Record<string | number, unknown>)[head!] = next;
  return copy;
}
