// Every file the portal hands out (exports, templates, error lists, scanned
// attachments) goes through here: the Chinese file name in RFC 5987 form
// (filename*=UTF-8''…, which every current browser uses), an ASCII fallback
// for old clients with the characters that would break the quoted header
// replaced, never cached,
// never sniffed (nosniff: the browser keeps to the declared type, so an
// uploaded scan is never taken for a page or a script).

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV_TYPE = "text/csv; charset=utf-8";

/** The Content-Disposition of an attachment named `fileName`. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  // encodeURIComponent leaves ' ( ) * ! unescaped; RFC 5987's attr-char does not allow ' ( ) *.
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A download response; `contentType` defaults to .xlsx. */
export function fileDownload(body: Buffer | Uint8Array, fileName: string, contentType: string = XLSX_TYPE): Response {
  return new Response(new Uint8Array(body), {
    headers: { "Content-Type": contentType, "Content-Disposition": attachmentDisposition(fileName), "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}
