// The size limit of every file upload through the browser or /api/v1
// (rosters, enrolment, claims): UPLOAD_MAX_MB, 100 by default. The uploads
// bypass Next's proxy (they are under /api/v1) and are streamed to disk, so
// the limit is about disk and time, not memory. The pages pass it to their
// forms, which check it before sending; the server checks it again from
// Content-Length and while the bytes arrive.

export const DEFAULT_UPLOAD_MB = 100;

export function uploadLimitMb(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.UPLOAD_MAX_MB);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_UPLOAD_MB;
}

export function uploadLimitBytes(env: Record<string, string | undefined> = process.env): number {
  return Math.floor(uploadLimitMb(env) * 1024 * 1024);
}

/** "（12.3 MB）" for a known size, "" when the size is not known (a chunked body). */
export function sizeText(bytes: number | null): string {
  return bytes === null ? "" : `（${(bytes / 1024 / 1024).toFixed(1)} MB）`;
}
