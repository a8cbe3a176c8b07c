import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { AutoDecoder } from "./decode";
import { parseRosterDate, monthEnd } from "@/lib/rosters/domain/dates";
import { TableFileError } from "./errors";

function decodeIn(bytes: Buffer, size: number): { text: string; encoding: string } {
  const decoder = new AutoDecoder();
  let text = "";
  for (let i = 0; i < bytes.length; i += size) text += decoder.write(bytes.subarray(i, i + size));
  text += decoder.end();
  return { text, encoding: decoder.encoding };
}

const SAMPLE = "身份证号,姓名\r\n43052419580302001X,欧阳䶮\r\n";

describe("AutoDecoder", () => {
  it("decodes the same text whatever the chunk boundaries", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.constantFrom("utf-8", "utf-8-bom", "gb18030", "utf-16le"), (size, encoding) => {
        const bytes =
          encoding === "utf-8-bom"
            ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)])
            : encoding === "utf-16le"
              ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, "utf16le")])
              : iconv.encode(SAMPLE, encoding);
        expect(decodeIn(bytes, size)).toEqual({ text: SAMPLE, encoding });
      }),
    );
  });

  it("refuses binary data (NUL bytes) at once, in any chunking", () => {
    expect(() => new AutoDecoder().write(Buffer.from([0x41, 0x00, 0x42, 0x43]))).toThrow(TableFileError);
    const decoder = new AutoDecoder();
    expect(() => {
      for (const b of [0x41, 0x42, 0x43, 0x44, 0x00]) decoder.write(Buffer.from([b]));
    }).toThrow(TableFileError);
  });

  it("refuses a file that starts as UTF-8 and continues as GBK", () => {
    const decoder = new AutoDecoder();
    decoder.write(Buffer.from(`身份证号,姓名\n${"43052419580302001X,张三\n".repeat(100)}`));
    expect(decoder.encoding).toBe("utf-8");
    try {
      decoder.write(iconv.encode("张三\n", "gbk"));
      decoder.end();
      throw new Error("expected an error");
    } catch (error) {
      expect(error).toBeInstanceOf(TableFileError);
      expect((error as TableFileError).problem).toBe("encoding");
    }
  });
});

describe("roster dates", () => {
  it("every accepted form of a real date gives the same ISO date", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1950-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
        for (const text of [iso, `${y}/${m}/${d}`, `${y}年${m}月${d}日`, iso.replace(/-/g, ""), `${y}.${m}.${d}`, `${iso} 00:00`]) {
          expect(parseRosterDate(text)).toBe(iso);
        }
      }),
    );
  });

  it("rejects impossible dates and mixed separators", () => {
    for (const text of ["2025-02-29", "2025-13-01", "2025-00-10", "20251301", "2025-1", "2025/01-05", "1/5/2025", "45662"]) {
      expect(parseRosterDate(text)).toBeNull();
    }
    expect(parseRosterDate("2024-02-29")).toBe("2024-02-29");
  });

  it("month ends", () => {
    expect(monthEnd("2024-02")).toBe("2024-02-29");
    expect(monthEnd("2025-12")).toBe("2025-12-31");
    expect(() => monthEnd("2025-13")).toThrow();
  });
});
