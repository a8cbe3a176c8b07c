import { describe, expect, it } from "vitest";
import { isSealedFile, openFile, sealedFileKeyId, sealFile } from "./file-cipher";
import { dataKey, UnknownDataKey } from "./id-cipher";

const k1 = dataKey(Buffer.alloc(32, 1));
const k2 = dataKey(Buffer.alloc(32, 2));
const scan = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from("姓名 张三 身份证号 430524195803020015"), Buffer.alloc(70_000, 7)]);

describe("attachments sealed at rest", () => {
  it("hide the content, name their key, and open to the same bytes only with that key", () => {
    const a = sealFile(k1, scan);
    const b = sealFile(k1, scan);
    expect(a.equals(b)).toBe(false);
    expect(a.includes(Buffer.from("%PDF"))).toBe(false);
    expect(a.includes(Buffer.from("430524195803020015"))).toBe(false);
    expect(isSealedFile(a)).toBe(true);
    expect(isSealedFile(scan)).toBe(false);
    expect(sealedFileKeyId(a)).toBe(k1.id);
    expect(openFile([k2, k1], a).equals(scan)).toBe(true);
    expect(() => openFile([k2], a)).toThrow(UnknownDataKey);
  });

  it("refuse a file changed by one byte, or opened with the right key id but a wrong key", () => {
    const a = sealFile(k1, scan);
    const changed = Buffer.from(a);
    changed[40] = changed[40]! ^ 1;
    expect(() => openFile([k1], changed)).toThrow();
    expect(() => openFile([{ id: k1.id, key: k2.key }], a)).toThrow();
    expect(() => openFile([k1], scan)).toThrow("not a sealed attachment file");
  });

  it("seal an empty file too", () => {
    expect(openFile([k1], sealFile(k1, new Uint8Array())).length).toBe(0);
  });
});
