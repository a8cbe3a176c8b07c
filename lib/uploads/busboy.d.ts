// Types for the copy of busboy that Next.js ships (and uses for server
// actions); the portal has no busboy dependency of its own. Only what
// multipart.ts uses.
declare module "next/dist/compiled/busboy" {
  import type { Readable, Writable } from "node:stream";

  type FileInfo = { filename: string | undefined; encoding: string; mimeType: string };
  type Limits = { fieldSize?: number; fields?: number; files?: number; parts?: number };
  type Options = { headers: Record<string, string>; limits?: Limits; defParamCharset?: string };

  interface Busboy extends Writable {
    on(event: "field", listener: (name: string, value: string) => void): this;
    on(event: "file", listener: (name: string, stream: Readable, info: FileInfo) => void): this;
    on(event: "close", listener: () => void): this;
    on(event: "error", listener: (error: Error) => void): this;
  }

  export default function busboy(options: Options): Busboy;
}
