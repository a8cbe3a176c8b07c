import { messages as m, parse, protocol, types, type PGlite, type QueryOptions, type Results } from "@electric-sql/pglite";

// The queries this project prepares by name (drizzle's `.prepare(name)`: the API token and its account,
// the session and its user, the calendar's fingerprint, the work queue's page, the coverage figure) are
// the ones every request runs. On PostgreSQL, postgres.js parses each once per connection and then only
// binds and executes it. PGlite's `query` instead sends every call through six protocol steps (Parse,
// Describe statement, Bind, Describe portal, Execute, Sync), each its own trip into the WASM backend
// and through PGlite's message parser, and the backend parses, analyses and plans the text every time;
// the drizzle PGlite driver ignores the name. On the work queue's page (50 rows) that was about half of
// the query's CPU (issue 14, soak --probe on PGlite; docs/benchmarks.md).
//
// Here a named drizzle query on the PGlite database's own handle is parsed once per PGlite instance as
// a named statement (its parameter types and row description kept), and each call is then one trip:
// Bind, Execute, Sync, its answer taken raw and its rows read in place. The answer is built by PGlite's own parseResults from the same messages, with the
// same parsers and serializers as `query`, so the rows are the same. Calls wait for the same two locks
// as `query` (a transaction in progress, then the query lock) and sync the files after, as `query` does
// outside a transaction. Queries inside a transaction are never named statements here (a transaction's
// drizzle session is a new one; db/queries/prepared.ts keeps prepared queries off transactions).
// A statement PostgreSQL refuses to reuse (its cached plan's result type changed, or it is gone) is
// parsed again once; a statement that does not parse is left to `query`, which reports the error as before.

type Statement = { name: string; paramTypes: number[]; rowDescription: m.RowDescriptionMessage | null };

const statementsOf = new WeakMap<PGlite, Map<string, Promise<Statement | null>>>();
let statementCount = 0;

const decoder = new TextDecoder();

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** PGlite's `query` lock order: a transaction in progress first, then the query lock. */
function exclusive<T>(pg: PGlite, fn: () => Promise<T>): Promise<T> {
  return pg._runExclusiveTransaction(() => pg._runExclusiveQuery(fn));
}

/**
 * The backend's raw answer to `message`, under the locks. By the streaming call: `execProtocolRaw` also
 * runs every answer through PGlite's message parser (and keeps the messages until the next `query`).
 */
function exchange(pg: PGlite, message: Uint8Array, syncToFs: boolean): Promise<Uint8Array> {
  return exclusive(pg, async () => {
    const chunks: Uint8Array[] = [];
    // Each chunk is a view into the WASM heap, reused by the next write: copied.
    await pg.execProtocolRawStream(message, { syncToFs, onRawData: (bytes) => chunks.push(bytes.slice()) });
    return chunks.length === 1 ? chunks[0]! : concat(chunks);
  });
}

/** Every message of a raw answer by PGlite's own parser (the rare path: errors, notices, descriptions). */
function messagesOf(data: Uint8Array): m.BackendMessage[] {
  const messages: m.BackendMessage[] = [];
  new protocol.Parser().parse(data, (x) => messages.push(x));
  return messages;
}

async function prepareStatement(pg: PGlite, text: string): Promise<Statement | null> {
  const name = `portal_named_${++statementCount}`;
  const data = await exchange(pg, concat([protocol.serialize.parse({ name, text }), protocol.serialize.describe({ type: "S", name }), protocol.serialize.sync()]), false);
  const messages = messagesOf(data);
  if (messages.some((x) => x instanceof m.DatabaseError)) return null;
  const params = messages.find((x): x is m.ParameterDescriptionMessage => x.name === "parameterDescription");
  const row = messages.find((x): x is m.RowDescriptionMessage => x.name === "rowDescription");
  return { name, paramTypes: params?.dataTypeIDs ?? [], rowDescription: row ?? null };
}

/**
 * The data rows and the command tag of a Bind/Execute/Sync answer, read in place (PGlite's parser copies
 * every field into a new buffer before decoding it); null when the answer holds anything else but
 * BindComplete and ReadyForQuery (an error, a notice): then PGlite's parser reads it.
 */
function fastMessages(data: Uint8Array): m.BackendMessage[] | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out: m.BackendMessage[] = [];
  let at = 0;
  while (at + 5 <= data.length) {
    const code = data[at]!;
    const length = view.getUint32(at + 1);
    const body = at + 5;
    if (code === 0x44 /* D */) {
      const count = view.getInt16(body);
      const fields: (string | null)[] = new Array(count);
      let p = body + 2;
      for (let i = 0; i < count; i++) {
        const len = view.getInt32(p);
        p += 4;
        if (len === -1) fields[i] = null;
        else {
          fields[i] = decoder.decode(data.subarray(p, p + len));
          p += len;
        }
      }
      out.push(new m.DataRowMessage(length, fields));
    } else if (code === 0x43 /* C */) {
      out.push(new m.CommandCompleteMessage(length, decoder.decode(data.subarray(body, at + length))));
    } else if (code !== 0x32 /* BindComplete */ && code !== 0x5a /* ReadyForQuery */) {
      return null;
    }
    at += 1 + length;
  }
  return out;
}

const COUNTED = new Set(["INSERT", "UPDATE", "DELETE", "COPY", "MERGE"]);

/**
 * What PGlite's parseResults makes of one statement's data rows and command tag, with each column's
 * parser looked up once (options.parsers, then the instance's, then PGlite's defaults, as parseType
 * does): parseResults spreads the instance's 318 parsers with the options' into a new object on every
 * call, then looks up each field's (about 1 ms a request in the probe's profile).
 */
function resultsOf(pg: PGlite, statement: Statement, messages: m.BackendMessage[], options: QueryOptions | undefined): Results {
  const fields = statement.rowDescription?.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })) ?? [];
  const parsers = fields.map((f) => options?.parsers?.[f.dataTypeID] ?? pg.parsers[f.dataTypeID] ?? types.parsers[f.dataTypeID]);
  const value = (x: string | null, i: number) => {
    if (x === null) return null;
    const parser = parsers[i];
    return parser ? parser(x, fields[i]!.dataTypeID) : x;
  };
  const rows: Results["rows"] = [];
  let tag: string | null = null;
  for (const message of messages) {
    if (message instanceof m.DataRowMessage) {
      const row = message.fields;
      if (options?.rowMode === "array") rows.push(row.map(value));
      else rows.push(Object.fromEntries(row.map((x, i) => [fields[i]!.name, value(x, i)])));
    } else if (message instanceof m.CommandCompleteMessage) tag = message.text;
  }
  // No command tag (not seen on Bind/Execute): as parseResults answers an empty message list.
  if (tag === null) return { affectedRows: 0, rows: [], fields: [] };
  const parts = tag.split(" ");
  const command = parts[0]!;
  const rowCount = parseInt(parts[parts.length - 1]!, 10);
  const result: Results = { rows, fields, command, affectedRows: COUNTED.has(command) ? rowCount : 0 };
  if (!Number.isNaN(rowCount)) result.rowCount = rowCount;
  return result;
}

// 0A000 "cached plan must not change result type" (a column's type changed under the statement),
// 26000 "prepared statement does not exist".
const REPARSE = new Set(["0A000", "26000"]);

/**
 * `pg.query(text, params, options)` with `text` kept as a named statement of `pg` (see above); the same
 * Results. Options beyond rowMode, parsers and serializers (paramTypes, blob, onNotice) go to `query`.
 */
export async function queryNamed<T>(pg: PGlite, text: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
  if (options?.paramTypes || options?.blob || options?.onNotice) return pg.query<T>(text, params, options);
  let statements = statementsOf.get(pg);
  if (!statements) statementsOf.set(pg, (statements = new Map()));
  for (let attempt = 0; ; attempt++) {
    let pending = statements.get(text);
    if (!pending) {
      pending = prepareStatement(pg, text);
      statements.set(text, pending);
      pending.catch(() => statements.delete(text));
    }
    const statement = await pending;
    if (!statement) {
      // Not kept: the next call parses again (a table made since, say).
      if (statements.get(text) === pending) statements.delete(text);
      return pg.query<T>(text, params, options);
    }
    // As `query` serialises the values: by the statement's parameter types.
    const values = params.map((param, i) => {
      if (param === null || param === undefined) return null;
      const oid = statement.paramTypes[i]!;
      const serialize = options?.serializers?.[oid] ?? pg.serializers[oid];
      return serialize ? serialize(param) : (param as { toString(): string }).toString();
    });
    // Synced to the files after, as `query` does outside a transaction.
    const data = await exchange(pg, concat([protocol.serialize.bind({ statement: statement.name, values: values as string[] }), protocol.serialize.execute({}), protocol.serialize.sync()]), true);
    const fast = fastMessages(data);
    const messages = fast ?? messagesOf(data);
    const error = messages.find((x): x is m.DatabaseError => x instanceof m.DatabaseError);
    if (error) {
      if (attempt === 0 && error.code && REPARSE.has(error.code)) {
        statements.delete(text);
        await exchange(pg, concat([protocol.serialize.close({ type: "S", name: statement.name }), protocol.serialize.sync()]), false);
        continue;
      }
      // As `query` reports it (makePGliteError).
      Object.assign(error, { query: text, params, queryOptions: options });
      throw error;
    }
    return (fast ? resultsOf(pg, statement, messages, options) : parse.parseResults(statement.rowDescription ? [statement.rowDescription, ...messages] : messages, pg.parsers, options)[0]) as Results<T>;
  }
}
