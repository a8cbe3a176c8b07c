import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { UnknownDataKey, type DataKey } from "./id-cipher";

// Scanned attachments at rest (ID cards, medical records): the same data key
// as the ID numbers (PORTAL_DATA_KEY, lib/crypto/data-keys.ts), AES-256-GCM,
// one random IV per file. A stored file is
//   "PAF1" ‖ key id (8 ASCII hex) ‖ IV (12) ‖ ciphertext ‖ tag (16)
// so that the key that opens it is named in the file and keys can be rotated.
// Pure: keys and bytes come in as arguments. Files are at most a few MB
// (ATTACHMENT_MAX_BYTES), so whole-buffer encryption is fine.

const MAGIC = Buffer.from("PAF1", "ascii");
const KEY_ID_BYTES = 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER = MAGIC.length + KEY_ID_BYTES + IV_BYTES;

export function sealFile(key: DataKey, plain: Uint8Array): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key.key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([MAGIC, Buffer.from(key.id, "ascii"), iv, body, cipher.getAuthTag()]);
}

/** Whether the bytes are a sealed file (as opposed to a plaintext one written before encryption at rest). */
export function isSealedFile(stored: Uint8Array): boolean {
  return stored.length >= HEADER + TAG_BYTES && Buffer.from(stored.subarray(0, MAGIC.length)).equals(MAGIC);
}

/** The key id a sealed file names (for a rotation to tell which files it still has to do). */
export function sealedFileKeyId(stored: Uint8Array): string {
  return Buffer.from(stored.subarray(MAGIC.length, MAGIC.length + KEY_ID_BYTES)).toString("ascii");
}

/** The plaintext of a sealed file; throws UnknownDataKey when no given key has its id, and on any tampering (the GCM tag). */
export function openFile(keys: readonly DataKey[], stored: Uint8Array): Buffer {
  if (!isSealedFile(stored)) throw new Error("not a sealed attachment file");
  const keyId = sealedFileKeyId(stored);
  const key = keys.find((k) => k.id === keyId);
  if (!key) throw new UnknownDataKey(`no data key with id ${keyId} (was it retired before the rotation finished?)`);
  const buf = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  const decipher = createDecipheriv("aes-256-gcm", key.key, buf.subarray(MAGIC.length + KEY_ID_BYTES, HEADER));
  decipher.setAuthTag(buf.subarray(buf.length - TAG_BYTES));
  return Buffer.concat([decipher.update(buf.subarray(HEADER, buf.length - TAG_BYTES)), decipher.final()]);
}
