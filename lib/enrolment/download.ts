/** A file response the browser saves under a Chinese name. */
export function xlsxDownload(body: Buffer, fileName: string): Response {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_");
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "no-store",
    },
  });
}
