import { BlindIndexer } from "./blind-index";
import { blindIndex, dataKey, openId, parseKey, sealId, type DataKey } from "./id-cipher";

// The one place the ID-number keys are read from the environment:
//   PORTAL_DATA_KEY       base64 of 32 bytes, encrypts (and decrypts) ID numbers
//   PORTAL_DATA_KEY_OLD   comma-separated retired keys, decrypt only, while
//                         `cli keys rotate` re-encrypts their rows
//   PORTAL_INDEX_KEY      base64 of 32 bytes, the blind index (lookup, uniqueness)
// `npm start` on the embedded database keeps generated ones beside the data
// (db/local-keys.ts); tests get fixed ones (tests/setup-keys.ts). No file I/O
// here: this folder is pure (docs/architecture.md).

export type IdCrypto = {
  current: DataKey;
  all: readonly DataKey[];
  seal: (idNumber: string) => string;
  open: (sealed: string) => string;
  hash: (idNumber: string) => string;
  /** The same blind index for bulk paths: words first, hex only for what is stored (blind-index.ts). */
  indexer: BlindIndexer;
};

let cached: { env: string; crypto: IdCrypto } | undefined;

export function idCryptoFrom(env: NodeJS.ProcessEnv): IdCrypto {
  const need = (name: string) => {
    const v = env[name]?.trim();
    if (!v) throw new Error(`${name} is not set: ID numbers are stored encrypted (see README, 个人数据)`);
    return v;
  };
  const current = dataKey(parseKey(need("PORTAL_DATA_KEY"), "PORTAL_DATA_KEY"));
  const old = (env.PORTAL_DATA_KEY_OLD ?? "").split(",").filter((s) => s.trim()).map((s) => dataKey(parseKey(s, "PORTAL_DATA_KEY_OLD")));
  const indexKey = parseKey(need("PORTAL_INDEX_KEY"), "PORTAL_INDEX_KEY");
  const all = [current, ...old];
  return {
    current,
    all,
    seal: (id) => sealId(current, id),
    open: (sealed) => openId(all, sealed),
    hash: (id) => blindIndex(indexKey, id),
    indexer: new BlindIndexer(indexKey),
  };
}

/** The process's keys, read once (and again only if the variables change, as tests do). */
export function idCrypto(): IdCrypto {
  const env = [process.env.PORTAL_DATA_KEY, process.env.PORTAL_DATA_KEY_OLD, process.env.PORTAL_INDEX_KEY].join("|");
  if (cached?.env !== env) cached = { env, crypto: idCryptoFrom(process.env) };
  return cached.crypto;
}
