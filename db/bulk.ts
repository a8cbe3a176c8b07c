import type { PGlite, Transaction } from "@electric-sql/pglite";
import postgres from "postgres";
import type { Db } from "./client";

// Bulk paths (a million roster rows) do not go through drizzle: one raw
// transaction per import, rows streamed in with COPY on both drivers
// (postgres.js `COPY … FROM STDIN`, PGlite `COPY … FROM '/dev/blob'`).
// Everything else stays in drizzle queries.

type Rows = readonly (readonly (string | null)[])[];

/** One COPY kept open while rows arrive in batches; `end()` completes it (call it also when giving up). */
export type CopyWriter = { write: (rows: Rows) => Promise<void>; end: () => Promise<void> };

export type BulkTx = {
  query: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  /** Appends rows to `table(columns)` in one COPY; values are text (null → NULL). */
  copyRows: (table: string, columns: readonly string[], rows: Rows) => Promise<void>;
  /**
   * Opens one COPY into `table(columns)` for rows that arrive over time (a
   * file being parsed). One statement for the whole file matters: a COPY per
   * batch of 5,000 rows measured ten times slower through postgres.js
   * (2.3 s against 0.22 s for 200,000 rows), each statement waiting on a round trip.
   */
  copyStream: (table: string, columns: readonly string[]) => Promise<CopyWriter>;
};

// Bulk statements hash and sort a million rows at a time (the file's IDs, the
// month's candidates per person): with the default 4 MB they spill to disk.
// JIT compilation, which the planner's large cost estimates switch on, took
// 0.34 s of a 2 s statement and saved nothing. Only for the bulk transaction
// (SET LOCAL), not the server's every query.
const BULK_SETTINGS = ["SET LOCAL work_mem = '128MB'", "SET LOCAL jit = off"];

// PGlite runs in this process: batches of this many rows go in one COPY each.
const PGLITE_COPY_ROWS = 20_000;

/** `url`: the server's, for a statement that needs a connection of its own (copyOut). */
type RawClient = { kind: "postgres"; sql: postgres.Sql; url?: string } | { kind: "pglite"; pg: PGlite };
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
    copyStream: async (table, columns) => {
      const start = performance.now();
      let count = 0;
      const writer = await tx.copyStream(table, columns);
      return {
        write: (rows) => ((count += rows.length), writer.write(rows)),
        end: () => t(`COPY ${table} (${count} rows, streamed ${(performance.now() - start).toFixed(0)} ms since open; end)`, () => writer.end()),
      };
    },
  };
}

/**
 * `COPY (query) TO STDOUT` (text format) on PostgreSQL: the bytes as the
 * server sends them, for a read of a county's millions of rows (政策测算's
 * ledger) that one statement plans and sorts once and that needs no
 * per-field decoding by postgres.js. Only on a PostgreSQL handle
 * (canCopyOut): on PGlite and inside a transaction the caller reads in
 * pages. Stopped early, its connection is closed, which ends the
 * statement on the server too.
 */
export async function* copyOut(db: Db, query: string): AsyncGenerator<Buffer> {
  const client = clients.get(db);
  if (client?.kind !== "postgres" || !client.url) throw new Error("copyOut: not a PostgreSQL handle");
  // A connection of its own, closed afterwards: the pool would queue the caller's other queries behind the
  // COPY (COPY_IN_PROGRESS), and postgres.js leaves a connection whose COPY was stopped or failed unusable.
  const own = postgres(client.url, { max: 1, onnotice: () => {} });
  let ended = false;
  try {
    const stream = await own.unsafe(`COPY (${query}) TO STDOUT`).readable();
    for await (const chunk of stream) yield chunk as Buffer;
    ended = true;
  } finally {
    // Stopped early: closing the socket ends the statement on the server too.
    await own.end({ timeout: ended ? undefined : 0 });
  }
}

/** Whether copyOut can read through `db` (a PostgreSQL handle, not a transaction or PGlite). */
export function canCopyOut(db: unknown): db is Db {
  const client = clients.get(db as Db);
  return client?.kind === "postgres" && client.url !== undefined;
}

export async function bulkTransaction<T>(db: Db, fn: (tx: BulkTx) => Promise<T>): Promise<T> {
  const client = clients.get(db);
  if (!client) throw new Error("bulkTransaction: unknown database handle");
  if (client.kind === "postgres") {
    return client.sql.begin(async (sql) => {
      for (const setting of BULK_SETTINGS) await sql.unsafe(setting);
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
        copyStream: async (table, columns) => {
          const stream = await sql.unsafe(`COPY ${table} (${columns.join(", ")}) FROM STDIN WITH (FORMAT csv)`).writable();
          let failure: unknown = null;
          const finished = new Promise<void>((resolve, reject) => {
            stream.on("error", (error) => {
              failure = error;
              reject(error);
            });
            stream.on("finish", resolve);
          });
          finished.catch(() => {}); // surfaced by write() or end()
          let ended = false;
          return {
            write: async (rows) => {
              if (failure) throw failure;
              if (rows.length === 0) return;
              if (!stream.write(rows.map(csvLine).join(""))) {
                await new Promise<void>((resolve) => {
                  const done = () => (stream.off("drain", done), stream.off("error", done), resolve());
                  stream.on("drain", done);
                  stream.on("error", done);
                });
              }
              if (failure) throw failure;
            },
            end: async () => {
              if (!ended) {
                ended = true;
                stream.end();
              }
              await finished;
            },
          };
        },
      };
      return fn(timed(tx));
    }) as Promise<T>;
  }
  return client.pg.transaction(async (ptx: Transaction) => {
    for (const setting of BULK_SETTINGS) await ptx.query(setting);
    const tx: BulkTx = {
      query: async (text, params) => (await ptx.query(text, params)).rows as never,
      copyRows: async (table, columns, rows) => {
        if (rows.length === 0) return;
        const blob = new Blob([rows.map(csvLine).join("")]);
        await ptx.query(`COPY ${table} (${columns.join(", ")}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob });
      },
      copyStream: async (table, columns) => {
        let pending: string[] = [];
        const flush = async () => {
          if (pending.length === 0) return;
          const blob = new Blob([pending.join("")]);
          pending = [];
          await ptx.query(`COPY ${table} (${columns.join(", ")}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob });
        };
        return {
          write: async (rows) => {
            for (const row of rows) pending.push(csvLine(row));
            if (pending.length >= PGLITE_COPY_ROWS) await flush();
          },
          end: flush,
        };
      },
    };
    return fn(timed(tx));
  });
}
