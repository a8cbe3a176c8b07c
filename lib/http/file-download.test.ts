import { describe, expect, it } from "vitest";
import { attachmentDisposition, fileDownload } from "./file-download";

// A Chinese file name reaches the browser intact (RFC 5987 filename*), and no
// file name — quotes, backslashes, parentheses — can break the header.

/** What a browser takes from filename*=UTF-8''… */
const decoded = (header: string) => decodeURIComponent(/filename\*=UTF-8''([^;]+)$/.exec(header)![1]!);

describe("file downloads", () => {
  it("carry the Chinese name in filename* and a harmless ASCII fallback", () => {
    const header = attachmentDisposition('未参保名单(桃洪镇)"2026".xlsx');
    expect(decoded(header)).toBe('未参保名单(桃洪镇)"2026".xlsx');
    const fallback = /filename="([^"]*)";/.exec(header)![1]!;
    expect(fallback).toBe("_____(___)_2026_.xlsx");
    expect(header).toMatch(/^attachment; filename="[^"\\]*"; filename\*=UTF-8''[A-Za-z0-9%!._~-]+$/);
  });

  it("are never cached", async () => {
    const res = fileDownload(Buffer.from("x"), "模板.xlsx");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    expect(await res.text()).toBe("x");
  });
});
