import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { chmod, mkdir, open, readdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { idCrypto } from "@/lib/crypto/data-keys";
import { isSealedFile, openFile, sealedFileKeyId, sealFile } from "@/lib/crypto/file-cipher";

// Where scanned attachments live: a private folder outside the web root —
// ATTACHMENTS_DIR, or `attachments/` inside the data folder (DATA_DIR,
// default ./data, beside the embedded database and its key files). Next
// serves only public/ and its build output, so nothing here has a URL; a file
// is handed out only by the download route, after the use case's checks.
// Each file is named by a random 128-bit key, never by the user's file name
// (no path tricks, no personal data in directory listings or backups' names).
// Folder 0700, files 0600, and the content encrypted with the data key
// (lib/crypto/file-cipher.ts): the scans show ID cards and medical records,
// and a copied folder or backup must not.

export function attachmentsFolder(env: NodeJS.ProcessEnv = process.env): string {
  const own = env.ATTACHMENTS_DIR?.trim();
  return resolve(/*turbopackIgnore: true*/ own || join(env.DATA_DIR?.trim() || "./data", "attachments"));
}

const KEY = /^[0-9a-f]{32}$/;

function pathOf(key: string): string {
  if (!KEY.test(key)) throw new Error("bad attachment storage key");
  return join(attachmentsFolder(), key);
}

/** The first `n` bytes of a file (for the content check). */
export async function headOf(path: string, n: number): Promise<Uint8Array> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Size and SHA-256 of a file, read as a stream. */
export async function digestOf(path: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { size: (await stat(path)).size, sha256: hash.digest("hex") };
}

/**
 * Encrypts a received upload (in its temporary folder, removed afterwards by
 * withUploadDir) into the attachments folder under a new random key. The file
 * is written under a temporary name and renamed, so a half-written file never
 * carries a key. Returns the key.
 */
export async function storeAttachmentFile(uploaded: string): Promise<string> {
  const folder = attachmentsFolder();
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await chmod(folder, 0o700);
  const key = randomBytes(16).toString("hex");
  const target = pathOf(key);
  const partial = `${target}.part`;
  await writeFile(partial, sealFile(idCrypto().current, await readFile(uploaded)), { mode: 0o600 });
  await rename(partial, target);
  return key;
}

/** Removes a stored file (the database row was not written after all). */
export async function removeAttachmentFile(key: string): Promise<void> {
  await unlink(pathOf(key)).catch(() => undefined);
}

/**
 * The file's plaintext (at most ATTACHMENT_MAX_BYTES), or null when the file
 * is gone from the folder. A file stored before encryption at rest (no seal
 * header) is returned as it is: it was accepted as PDF/JPEG/PNG then.
 */
export async function readAttachmentFile(key: string): Promise<Buffer | null> {
  let stored: Buffer;
  try {
    stored = await readFile(pathOf(key));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
  return isSealedFile(stored) ? openFile(idCrypto().all, stored) : stored;
}

/**
 * `keys rotate`: every stored file not sealed with the current data key —
 * sealed with a retired one, or plaintext from before encryption at rest — is
 * re-sealed with it, each written beside and renamed over the old one (a file
 * is always either old-and-readable or new). Returns how many were rewritten.
 */
export async function resealAttachmentFiles(): Promise<number> {
  const crypto = idCrypto();
  let names: string[];
  try {
    names = await readdir(attachmentsFolder());
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw err;
  }
  let resealed = 0;
  for (const name of names.filter((n) => KEY.test(n))) {
    const path = pathOf(name);
    const stored = await readFile(path);
    if (isSealedFile(stored) && sealedFileKeyId(stored) === crypto.current.id) continue;
    const plain = isSealedFile(stored) ? openFile(crypto.all, stored) : stored;
    await writeFile(`${path}.part`, sealFile(crypto.current, plain), { mode: 0o600 });
    await rename(`${path}.part`, path);
    resealed += 1;
  }
  return resealed;
}
