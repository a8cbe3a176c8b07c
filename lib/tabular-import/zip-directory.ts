// The entries of a zip (an .xlsx) as its central directory lists them: name,
// compressed and uncompressed size. Read from the end of the file without
// inflating anything, so an .xlsx that would unpack to gigabytes (a "zip
// bomb": a few MB of zip expanding to tens of millions of shared strings) is
// judged in microseconds. Pure: takes the bytes, does no I/O.

export type ZipEntry = { name: string; compressed: number; uncompressed: number };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
export const ZIP_TAIL_BYTES = 22 + 65_535 + 20;

export type ZipDirectoryPosition = { offset: number; size: number; entries: number };

/** Where the central directory is, from the last ZIP_TAIL_BYTES of the file; null when it is not a zip. */
export function findCentralDirectory(tail: Buffer, fileSize: number): ZipDirectoryPosition | "zip64" | null {
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD) continue;
    const entries = tail.readUInt16LE(i + 10);
    const size = tail.readUInt32LE(i + 12);
    const offset = tail.readUInt32LE(i + 16);
    if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
      // Zip64 end record: an .xlsx needs it only past 4 GB or 65,535 parts.
      if (i >= 20 && tail.readUInt32LE(i - 20) === ZIP64_LOCATOR) return "zip64";
      return null;
    }
    if (offset + size > fileSize) return null;
    return { offset, size, entries };
  }
  return null;
}

/** The entries of a central directory (its bytes as located by findCentralDirectory). */
export function readCentralDirectory(dir: Buffer): ZipEntry[] | null {
  const entries: ZipEntry[] = [];
  let at = 0;
  while (at + 46 <= dir.length) {
    if (dir.readUInt32LE(at) !== CENTRAL) return null;
    let compressed = dir.readUInt32LE(at + 20);
    let uncompressed = dir.readUInt32LE(at + 24);
    const nameLength = dir.readUInt16LE(at + 28);
    const extraLength = dir.readUInt16LE(at + 30);
    const commentLength = dir.readUInt16LE(at + 32);
    const name = dir.toString("utf8", at + 46, at + 46 + nameLength);
    if (uncompressed === 0xffffffff || compressed === 0xffffffff) {
      // Zip64 sizes live in the extra field 0x0001: uncompressed first, then compressed.
      const sizes = zip64Sizes(dir.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), uncompressed === 0xffffffff, compressed === 0xffffffff);
      if (!sizes) return null;
      if (uncompressed === 0xffffffff) uncompressed = sizes.shift()!;
      if (compressed === 0xffffffff) compressed = sizes.shift()!;
    }
    entries.push({ name, compressed, uncompressed });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function zip64Sizes(extra: Buffer, wantUncompressed: boolean, wantCompressed: boolean): number[] | null {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      const out: number[] = [];
      let p = at + 4;
      for (const want of [wantUncompressed, wantCompressed]) {
        if (!want) continue;
        if (p + 8 > at + 4 + length) return null;
        out.push(Number(extra.readBigUInt64LE(p)));
        p += 8;
      }
      return out;
    }
    at += 4 + length;
  }
  return null;
}

