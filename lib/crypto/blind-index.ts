import { createHash, createHmac } from "node:crypto";

// The blind index (HMAC-SHA-256 under PORTAL_INDEX_KEY) of a short ASCII
// text, computed in JavaScript from the key's two precomputed pad states.
// Why not node:crypto: a roster import hashes every row's ID number (a
// million a month), and createHmac costs 2.4–3.2 µs a call (measured: a new
// OpenSSL context and the key's pads every time, then a hex string), where
// two SHA-256 compressions from saved states cost about 1.2 µs and need no
// string until a row is actually stored. The result is the same HMAC,
// byte for byte (blind-index.test.ts compares it with createHmac); texts
// that do not fit one block (longer than 55 bytes or not ASCII) go through
// node:crypto. Pure: no I/O.

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74,
  0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d,
  0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e,
  0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5,
  0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

/** One SHA-256 compression of the block in `w[0..15]` from state `from` into `to` (w is overwritten). */
function compress(w: Int32Array, from: Int32Array, to: Int32Array): void {
  for (let i = 16; i < 64; i++) {
    const w15 = w[i - 15]!;
    const w2 = w[i - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
  }
  let a = from[0]!, b = from[1]!, c = from[2]!, d = from[3]!, e = from[4]!, f = from[5]!, g = from[6]!, h = from[7]!;
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + s1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  to[0] = (from[0]! + a) | 0;
  to[1] = (from[1]! + b) | 0;
  to[2] = (from[2]! + c) | 0;
  to[3] = (from[3]! + d) | 0;
  to[4] = (from[4]! + e) | 0;
  to[5] = (from[5]! + f) | 0;
  to[6] = (from[6]! + g) | 0;
  to[7] = (from[7]! + h) | 0;
}

export class BlindIndexer {
  private readonly inner = new Int32Array(8);
  private readonly outer = new Int32Array(8);
  private readonly w = new Int32Array(64);
  private readonly mid = new Int32Array(8);
  private readonly out = new Int32Array(8);

  constructor(private readonly key: Buffer) {
    // HMAC's key block: the key (hashed first when longer than a block), zero-padded to 64 bytes.
    const block = Buffer.alloc(64);
    (key.length > 64 ? createHash("sha256").update(key).digest() : key).copy(block);
    this.pad(block, 0x36, this.inner);
    this.pad(block, 0x5c, this.outer);
  }

  private pad(block: Buffer, byte: number, state: Int32Array): void {
    for (let i = 0; i < 16; i++) this.w[i] = ((block[4 * i]! ^ byte) << 24) | ((block[4 * i + 1]! ^ byte) << 16) | ((block[4 * i + 2]! ^ byte) << 8) | (block[4 * i + 3]! ^ byte);
    compress(this.w, IV, state);
  }

  /**
   * The HMAC as eight 32-bit words (big-endian order of the digest), in a
   * buffer reused by the next call: read or copy it before hashing again.
   */
  words(text: string): Int32Array {
    const n = text.length;
    const w = this.w;
    if (n > 55 || !isAscii(text)) {
      const digest = createHmac("sha256", this.key).update(text).digest();
      for (let i = 0; i < 8; i++) this.out[i] = digest.readInt32BE(4 * i);
      return this.out;
    }
    w.fill(0, 0, 16);
    for (let i = 0; i < n; i++) w[i >> 2]! |= text.charCodeAt(i) << (24 - 8 * (i & 3));
    w[n >> 2]! |= 0x80 << (24 - 8 * (n & 3));
    w[15] = (64 + n) * 8; // the length in bits, the pad block included
    compress(w, this.inner, this.mid);
    for (let i = 0; i < 8; i++) w[i] = this.mid[i]!;
    w[8] = 0x80000000;
    w.fill(0, 9, 15);
    w[15] = (64 + 32) * 8;
    compress(w, this.outer, this.out);
    return this.out;
  }

  /** The blind index as stored (64 lower-case hex digits), as `blindIndex` in id-cipher.ts gives it. */
  hex(text: string): string {
    return wordsHex(this.words(text));
  }
}

export function wordsHex(words: Int32Array): string {
  let s = "";
  for (let i = 0; i < 8; i++) s += (words[i]! >>> 0).toString(16).padStart(8, "0");
  return s;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
