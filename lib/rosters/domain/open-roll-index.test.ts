import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { entryHash, OpenRollIndex } from "./open-roll-index";

const hash = (n: number) => createHmac("sha256", "test-key").update(String(n)).digest("hex");

describe("OpenRollIndex", () => {
  it("finds every added person, compares category, village and name exactly, and misses everyone else", () => {
    const roll = new OpenRollIndex(1000);
    for (let n = 0; n < 1000; n++) roll.add(hash(n), "dibao", "430524100201", `张${n}`);
    expect(roll.size).toBe(1000);
    for (let n = 0; n < 1000; n++) {
      const slot = roll.find(hash(n));
      expect(slot).toBeGreaterThanOrEqual(0);
      expect(roll.sameEntry(slot, "dibao", "430524100201", `张${n}`)).toBe(true);
      expect(roll.sameEntry(slot, "tekun", "430524100201", `张${n}`)).toBe(false);
      expect(roll.sameEntry(slot, "dibao", "430524100202", `张${n}`)).toBe(false);
      expect(roll.sameEntry(slot, "dibao", "430524100201", `李${n}`)).toBe(false);
    }
    for (let n = 1000; n < 3000; n++) expect(roll.find(hash(n))).toBe(-1);
  });

  it("finds a person by the blind index's first two words as by its hex (the bulk path hashes to words)", () => {
    const roll = new OpenRollIndex(1000);
    for (let n = 0; n < 1000; n++) roll.add(hash(n), "dibao", "430524100201", `张${n}`);
    const digest = (n: number) => createHmac("sha256", "test-key").update(String(n)).digest();
    for (let n = 0; n < 3000; n++) expect(roll.findWords(digest(n).readInt32BE(0), digest(n).readInt32BE(4))).toBe(roll.find(hash(n)));
    expect(roll.findWords(digest(5).readInt32BE(0), digest(6).readInt32BE(4))).toBe(-1);
  });

  it("keeps the fields apart (no shifting text from one field into the next) and remembers the row that matched", () => {
    const roll = new OpenRollIndex(1);
    roll.add(hash(1), "ab", "c", "d");
    const slot = roll.find(hash(1));
    expect(roll.sameEntry(slot, "a", "bc", "d")).toBe(false);
    expect(roll.matchedRow(slot)).toBe(0);
    roll.markMatched(slot, 17);
    expect(roll.matchedRow(slot)).toBe(17);
  });

  it("hashes an entry as it always has: the value is stored with each open roll entry", () => {
    expect(entryHash("低保对象", "430524100201", "张三丰")).toBe(8132096584296319);
    expect(entryHash("ab", "c", "d")).toBe(3059046041314522);
    expect(entryHash("a", "bc", "d")).toBe(7520065649229631);
    expect(entryHash("城乡重度残疾人员", "430524100203", "阿依古丽·买买提")).toBe(5168399058729087);
  });

  it("compares by a stored hash as by the fields", () => {
    const roll = new OpenRollIndex(2);
    roll.addHashed(hash(1).slice(0, 16), entryHash("dibao", "430524100201", "张三"));
    const slot = roll.find(hash(1));
    expect(roll.sameEntry(slot, "dibao", "430524100201", "张三")).toBe(true);
    expect(roll.sameHash(slot, entryHash("dibao", "430524100201", "张三"))).toBe(true);
    expect(roll.sameHash(slot, entryHash("dibao", "430524100201", "张四"))).toBe(false);
  });

  it("grows past the capacity it was given, finding every entry with its hash as added (the roll is read as a stream)", () => {
    const roll = new OpenRollIndex();
    const digest = (n: number) => createHmac("sha256", "test-key").update(String(n)).digest();
    for (let n = 0; n < 5000; n++) roll.addWords(digest(n).readInt32BE(0), digest(n).readInt32BE(4), n * 7);
    roll.addWords(digest(3).readInt32BE(0), digest(3).readInt32BE(4), 1); // one open entry per person: the first stays
    expect(roll.size).toBe(5000);
    for (let n = 0; n < 5000; n++) {
      const slot = roll.find(hash(n));
      expect(slot).toBeGreaterThanOrEqual(0);
      expect(roll.sameHash(slot, n * 7)).toBe(true);
    }
    for (let n = 5000; n < 6000; n++) expect(roll.find(hash(n))).toBe(-1);
  });

  it("an empty roll finds no one", () => {
    expect(new OpenRollIndex(0).find(hash(1))).toBe(-1);
  });
});
