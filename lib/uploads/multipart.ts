import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "next/dist/compiled/busboy";
import { ValidationError } from "@/lib/errors/app-error";

// The multipart form of every upload (rosters, enrolment, claims, application attachments), read as it arrives: the small text fields
// first, then the file as a stream, so the file is written to disk by the use
// case and never held in memory (request.formData() would buffer it whole).
// The fields must come before the file — browsers and `curl -F` send them in
// the order given.

export type MultipartUpload = {
  fields: Record<string, string>;
  file: { fileName: string; stream: Readable };
  /** Stops reading the rest of the request (after a refusal). */
  discard: () => void;
};

/** How the messages name the form: its fields in order ("department、month、file") and the file ("名单"). */
export type MultipartForm = { fields: string; file: string; /** The formats named when no file came, "（.xlsx 或 .csv）" by default. */ formats?: string };

export function readMultipartUpload(body: ReadableStream<Uint8Array>, contentType: string, form: MultipartForm): Promise<MultipartUpload> {
  return new Promise((resolve, reject) => {
    let parser: ReturnType<typeof busboy>;
    try {
      parser = busboy({
        headers: { "content-type": contentType },
        defParamCharset: "utf8", // Chinese file names arrive as raw UTF-8
        limits: { files: 1, fields: 10, fieldSize: 1024, parts: 12 },
      });
    } catch {
      reject(new ValidationError("file", `请求格式有误：请以 multipart/form-data 上传，字段为 ${form.fields}`));
      return;
    }
    const source = Readable.fromWeb(body as WebReadableStream<Uint8Array>);
    const discard = () => {
      source.unpipe(parser);
      source.resume();
    };
    const fields: Record<string, string> = {};
    let settled = false;
    parser.on("field", (name, value) => {
      fields[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      if (settled || name !== "file") {
        stream.resume();
        return;
      }
      settled = true;
      resolve({ fields: { ...fields }, file: { fileName: info.filename ?? "", stream }, discard });
    });
    parser.on("close", () => {
      if (settled) return;
      settled = true;
      reject(new ValidationError("file", `没有收到文件：请在 file 字段中上传${form.file}${form.formats ?? "（.xlsx 或 .csv）"}`));
    });
    parser.on("error", () => {
      if (settled) return; // a file stream in progress reports it to its reader
      settled = true;
      reject(new ValidationError("file", "上传内容不完整或格式有误，请重新上传"));
    });
    source.on("error", (err) => parser.destroy(err));
    source.pipe(parser);
  });
}
