// Types for the archiver that exceljs depends on (no @types package is
// installed); only what xlsx-bomb.ts uses.
declare module "archiver" {
  import type { Readable, Writable } from "node:stream";

  interface Archiver {
    append(source: string | Buffer | Readable, data: { name: string }): this;
    pipe(destination: Writable): Writable;
    finalize(): Promise<void>;
    on(event: "error", listener: (error: Error) => void): this;
  }

  export default function archiver(format: "zip", options?: { zlib?: { level?: number } }): Archiver;
}
