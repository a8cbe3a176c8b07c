import "server-only";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A download: the Chinese file name in RFC 5987 form, an ASCII fallback for old clients, never cached. */
export function fileResponse(body: Buffer, fileName: string, contentType = XLSX): Response {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "no-store",
    },
  });
}
