import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { TooLargeError, ValidationError } from "@/lib/errors/app-error";
import { UPLOAD_FILE_MODE } from "./upload-temp";

// Every import upload (rosters, enrolment, claims) is streamed to a temporary
// file under a size limit, never held whole in memory: the bytes are counted
// as they arrive and the upload is cut the moment it passes the limit (a
// chunked body declares no length). A disk problem propagates (ours, not the
// user's: a 500 with a reference).

/** More bytes arrived than the limit allows. */
export class UploadLimitExceeded extends Error {}

/** The upload stream failed: the client went away or the form data was cut short. */
export class UploadBroken extends Error {}

export async function saveUpload(source: AsyncIterable<Uint8Array>, path: string, maxBytes: number): Promise<void> {
  let bytes = 0;
  await pipeline(
    source,
    async function* (chunks: AsyncIterable<Uint8Array>) {
      try {
        for await (const chunk of chunks) {
          bytes += chunk.length;
          if (bytes > maxBytes) throw new UploadLimitExceeded();
          yield chunk;
        }
      } catch (err) {
        throw err instanceof UploadLimitExceeded ? err : new UploadBroken("upload stream failed", { cause: err });
      }
    },
    createWriteStream(path, { flags: "wx", mode: UPLOAD_FILE_MODE }),
  );
}

/** saveUpload with the user's two mistakes as errors: over the limit (413, `tooLarge`), cut short (400). */
export async function writeUpload(source: AsyncIterable<Uint8Array>, path: string, maxBytes: number, tooLarge: string): Promise<void> {
  try {
    await saveUpload(source, path, maxBytes);
  } catch (err) {
    if (err instanceof UploadLimitExceeded) throw new TooLargeError("file", tooLarge);
    if (err instanceof UploadBroken) throw new ValidationError("file", INCOMPLETE_UPLOAD);
    throw err;
  }
}

/** The file name as stored and shown: no folders, no control characters, not endless. */
export function cleanUploadName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(-120) || fallback;
}

export const INCOMPLETE_UPLOAD = "文件没有完整上传（连接中断或上传内容不完整），请重新上传";
