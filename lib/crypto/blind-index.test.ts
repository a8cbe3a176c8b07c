import { createHmac, randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BlindIndexer, wordsHex } from "./blind-index";
import { blindIndex } from "./id-cipher";

describe("the blind index computed from saved pad states", () => {
  it("is node:crypto's HMAC-SHA-256, byte for byte, for ID numbers under random keys", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.stringMatching(/^\d{17}[\dX]$/), (key, id) => {
        const k = Buffer.from(key);
        expect(new BlindIndexer(k).hex(id)).toBe(blindIndex(k, id));
      }),
      { numRuns: 500 },
    );
  });

  it("is the same HMAC for every length up to a block, non-ASCII text, and keys of other lengths", () => {
    const keys = [randomBytes(32), randomBytes(1), randomBytes(64), randomBytes(65), randomBytes(200)];
    const texts = [...Array.from({ length: 80 }, (_, n) => "x".repeat(n)), "身份证号", "43052419580302001５", "é".repeat(30)];
    for (const key of keys) {
      const indexer = new BlindIndexer(key);
      for (const text of texts) expect(indexer.hex(text), `${key.length}-byte key, ${text.length} characters`).toBe(createHmac("sha256", key).update(text).digest("hex"));
    }
  });

  it("reuses one buffer for its words: read them before hashing again", () => {
    const indexer = new BlindIndexer(Buffer.alloc(32, 7));
    const first = indexer.words("430524195803020015");
    const firstHex = wordsHex(first);
    indexer.words("430524195803020023");
    expect(wordsHex(first)).not.toBe(firstHex);
  });
});
