import { describe, expect, it } from "vitest";
import { blindIndex, dataKey, openId, sealedKeyId, sealId, UnknownDataKey } from "./id-cipher";

const k1 = dataKey(Buffer.alloc(32, 1));
const k2 = dataKey(Buffer.alloc(32, 2));
const ID = "430524195803020015";

describe("ID numbers sealed at rest", () => {
  it("seal with a fresh IV each time, name their key, and open only with that key", () => {
    const a = sealId(k1, ID);
    const b = sealId(k1, ID);
    expect(a).not.toBe(b);
    expect(a).not.toContain(ID);
    expect(sealedKeyId(a)).toBe(k1.id);
    expect(openId([k2, k1], a)).toBe(ID);
    expect(() => openId([k2], a)).toThrow(UnknownDataKey);
    const forged = { id: k1.id, key: k2.key }; // right id, wrong key: the tag refuses it
    expect(() => openId([forged], a)).toThrow();
    const ivs = new Set(Array.from({ length: 5000 }, () => Buffer.from(sealId(k1, ID).split(":")[1]!, "base64").subarray(0, 12).toString("hex")));
    expect(ivs.size).toBe(5000);
  });

  it("give a blind index that depends on the key and on every character of the ID", () => {
    expect(blindIndex(k1.key, ID)).toBe(blindIndex(k1.key, ID));
    expect(blindIndex(k1.key, ID)).toMatch(/^[0-9a-f]{64}$/);
    expect(blindIndex(k2.key, ID)).not.toBe(blindIndex(k1.key, ID));
    expect(blindIndex(k1.key, "430524195803020023")).not.toBe(blindIndex(k1.key, ID));
  });
});
