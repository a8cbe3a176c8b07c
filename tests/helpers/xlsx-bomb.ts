import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import archiver from "archiver";

// A real .xlsx "zip bomb": a valid workbook whose shared-strings part holds
// `strings` entries (tens of millions) but compresses to about a megabyte,
// written with archiver (already in node_modules through exceljs) and
// streamed, so the test never holds the expanded XML.

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;

function sheet(headers: readonly string[]): string {
  const cells = headers.map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join("");
  const data = headers.map((_, i) => `<c r="${String.fromCharCode(65 + i)}2" t="s"><v>${i}</v></c>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cells}</row><row r="2">${data}</row></sheetData></worksheet>`;
}

function sharedStrings(count: number): Readable {
  const item = "<si><t>低保对象</t></si>";
  const block = Buffer.from(item.repeat(10_000));
  let left = Math.ceil(count / 10_000);
  return Readable.from(
    (function* () {
      yield Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}">`);
      while (left-- > 0) yield block;
      yield Buffer.from("</sst>");
    })(),
  );
}

/** Writes the bomb to `path`; the header row names the columns, so only the unpacked size is wrong with it. */
export async function writeXlsxBomb(path: string, headers: readonly string[], strings = 20_000_000): Promise<void> {
  const zip = archiver("zip", { zlib: { level: 9 } });
  const done = new Promise<void>((resolve, reject) => {
    const out = createWriteStream(path);
    out.on("close", () => resolve());
    out.on("error", reject);
    zip.on("error", reject);
    zip.pipe(out);
  });
  zip.append(CONTENT_TYPES, { name: "[Content_Types].xml" });
  zip.append(RELS, { name: "_rels/.rels" });
  zip.append(WORKBOOK, { name: "xl/workbook.xml" });
  zip.append(WORKBOOK_RELS, { name: "xl/_rels/workbook.xml.rels" });
  // The sheet before the shared strings, as Excel writes it.
  zip.append(sheet(headers), { name: "xl/worksheets/sheet1.xml" });
  zip.append(sharedStrings(strings), { name: "xl/sharedStrings.xml" });
  await zip.finalize();
  await done;
}
