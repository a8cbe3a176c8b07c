import sharp from "sharp";

// Real small files of the three attachment types, made in the test: a
// one-page PDF written by hand (a valid xref, readable by pdftotext), and a
// PNG and a JPEG encoded by sharp (the image library Next ships).

export function tinyPdf(text = "Scan 001"): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    "",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  const stream = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

const canvas = () => sharp({ create: { width: 60, height: 40, channels: 3, background: "#d8e4f0" } });

export const tinyPng = () => canvas().png().toBuffer();
export const tinyJpeg = () => canvas().jpeg().toBuffer();

/** The first bytes of a Windows program (MZ header, DOS stub), to be renamed .pdf. */
export function fakeExe(): Buffer {
  const b = Buffer.alloc(4096, 0);
  b.write("MZ", 0, "latin1");
  b.write("This program cannot be run in DOS mode.", 78, "latin1");
  return b;
}
