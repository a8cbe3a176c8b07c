import { createCipheriv, createDecipheriv, createHash, createHmac, createSecretKey, randomBytes, type KeyObject } from "node:crypto";

// ID numbers at rest (pure: keys come in as arguments, lib/crypto/data-keys.ts
// loads them). A stored ID is `<key id>:<base64 of iv ‖ ciphertext ‖ tag>`,
// AES-256-GCM with a random 12-byte IV; the key id (a hash prefix of the key,
// not the key) says which key opens it, so keys can be rotated row by row.
// Lookup and uniqueness go through a keyed blind index (HMAC-SHA-256 with a
// key of its own): equal IDs give equal hashes, nothing else can be learnt,
// so only a full ID can be searched, never a part of one.

export type DataKey = { id: string; key: Buffer };

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A key as the environment gives it: base64 of exactly 32 bytes. */
export function parseKey(base64: string, name: string): Buffer {
  const key = Buffer.from(base64.trim(), "base64");
  if (key.length !== 32) throw new Error(`${name} must be base64 of 32 bytes (got ${key.length})`);
  return key;
}

/** The id written beside each ciphertext: derived from the key, so it needs no configuration of its own. */
export function dataKey(key: Buffer): DataKey {
  return { id: createHash("sha256").update("portal-data-key-id").update(key).digest("hex").slice(0, 8), key };
}

// IVs are taken from a pool of random bytes filled 4,096 at a time: one
// randomBytes call per row cost as much as the encryption (a million-row
// roster seals every row). Each IV is still 12 fresh random bytes, used once.
const POOL_IVS = 4096;
let pool = Buffer.alloc(0);
let poolAt = 0;

function nextIv(): Buffer {
  if (poolAt >= pool.length) {
    pool = randomBytes(IV_BYTES * POOL_IVS);
    poolAt = 0;
  }
  const iv = pool.subarray(poolAt, poolAt + IV_BYTES);
  poolAt += IV_BYTES;
  return iv;
}

// Each key as a KeyObject, made once: createCipheriv/createDecipheriv given
// the raw bytes import them again on every call, about half the cost of
// opening one ID (a queue page opens 50 to mask them).
const keyObjects = new WeakMap<Buffer, KeyObject>();
function keyObjectOf(key: DataKey): KeyObject {
  let object = keyObjects.get(key.key);
  if (!object) keyObjects.set(key.key, (object = createSecretKey(key.key)));
  return object;
}

export function sealId(key: DataKey, idNumber: string): string {
  const iv = nextIv();
  const cipher = createCipheriv("aes-256-gcm", keyObjectOf(key), iv);
  const body = Buffer.concat([cipher.update(idNumber, "utf8"), cipher.final()]);
  return `${key.id}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64")}`;
}

export class UnknownDataKey extends Error {}

/** The key id of a stored value (to tell which rows a rotation still has to do). */
export function sealedKeyId(sealed: string): string {
  return sealed.slice(0, sealed.indexOf(":"));
}

export function openId(keys: readonly DataKey[], sealed: string): string {
  const keyId = sealedKeyId(sealed);
  const key = keys.find((k) => k.id === keyId);
  if (!key) throw new UnknownDataKey(`no data key with id ${keyId} (was it retired before the rotation finished?)`);
  const raw = Buffer.from(sealed.slice(keyId.length + 1), "base64");
  const decipher = createDecipheriv("aes-256-gcm", keyObjectOf(key), raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString("utf8");
}

/** The blind index of an ID (64 hex characters); the caller normalises the ID first (upper-case X). */
export function blindIndex(indexKey: Buffer, idNumber: string): string {
  return createHmac("sha256", indexKey).update(idNumber).digest("hex");
}
