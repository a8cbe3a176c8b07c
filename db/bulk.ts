import type { PGlite, Transaction } from "@electric-sql/pglite";
import type postgres from "postgres";
import type { Db } from "./client";

// Bulk paths (a million roster rows) do not go through drizzle: one raw
// transaction per import, rows streamed in with COPY on both drivers
// (postgres.js `COPY … FROM STDIN`, PGlite `COPY … FROM '/dev/blob'`).
// Everything else stays in drizzle queries.

export type BulkTx = {
  query: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  /** Appends rows to `table(columns)`; values are text (null → NULL). */
  copyRows: (table: string, columns: readonly string[], rows: readonly (readonly (string | null)[])[]) => Promise<void>;
};

type RawClient = { kind: "postgres"; sql: postgres.Sql } | { kind: "pglite"; pg: PGlite };
// On globalThis, like the handle itself (db/index.ts): Next bundles this module
// once per server bundle, and the handle opened by one (instrumentation) is
// used by the others (route handlers, server actions).
const clients: WeakMap<Db, RawClient> = ((globalThis as { portalBulkClients?: WeakMap<Db, RawClient> }).portalBulkClients ??= new WeakMap());

/** Called by the client factory so bulk code can reach the driver behind a drizzle instance. */
export function registerRawClient(db: Db, client: RawClient): void {
  clients.set(db, client);
}

function csvLine(values: readonly (string | null)[]): string {
  return values.map((v) => (v === null ? "" : `"${v.replace(/"/g, '""')}"`)).join(",") + "\n";
}

// PORTAL_SQL_TIMING=1 prints each bulk statement's time to stderr (for benchmarks; never row data).
function timed(tx: BulkTx): BulkTx {
  if (!process.env.PORTAL_SQL_TIMING) return tx;
  const t = async <R>(label: string, f: () => Promise<R>) => {
    const start = performance.now();
    try {
      return await f();
    } finally {
      process.stderr.write(`[sql ${(performance.now() - start).toFixed(0).padStart(6)} ms] ${label.replace(/\s+/g, " ").slice(0, 90)}\n`);
    }
  };
  return {
    query: (text, params) => t(text, () => tx.query(text, params)),
    copyRows: (table, columns, rows) => t(`COPY ${table} (${rows.length} rows)`, () => tx.copyRows(table, columns, rows)),
  };
}

export async function bulkTransaction<T>(db: Db, fn: (tx: BulkTx) => Promise<T>): Promise<T> {
  const client = clients.get(db);
  if (!client) throw new Error("bulkTransaction: unknown database handle");
  if (client.kind === "postgres") {
    return client.sql.begin(async (sql) => {
      const tx: BulkTx = {
        query: async (text, params) => (await sql.unsafe(text, (params ?? []) as never[])) as never,
        copyRows: async (table, columns, rows) => {
          if (rows.length === 0) return;
          const stream = await sql.unsafe(`COPY ${table} (${columns.join(", ")}) FROM STDIN WITH (FORMAT csv)`).writable();
          await new Promise<void>((resolve, reject) => {
            stream.on("error", reject);
            stream.on("finish", resolve);
            stream.end(rows.map(csvLine).join(""));
          });
        },
      };
      return fn(timed(tx));
    }) as Promise<T>;
  }
  return client.pg.transaction(async (ptx: Transaction) => {
    const tx: BulkTx = {
      query: async (text, params) => (await ptx.query(text, params)).rows as never,
      copyRows: async (table, columns, rows) => {
        if (rows.length === 0) return;
        const blob = new Blob([rows.map(csvLine).join("")]);
        await ptx.query(`COPY ${table} (${columns.join(", ")}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob });
      },
    };
    return fn(timed(tx));
  });
}
