import { describe, expect, it } from "vitest";
import { attachmentSizeText, attachmentTooLarge, isAttachmentItem, sniffAttachmentType } from "./attachment-kind";
import { attachmentStepOf, closedForAttachments, downloadName } from "./attachment-rules";
import type { ApplicationState } from "./states";

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);

describe("attachment type by content", () => {
  it("knows PDF, JPEG and PNG by their first bytes", () => {
    expect(sniffAttachmentType(text("%PDF-1.7\n"))).toBe("application/pdf");
    expect(sniffAttachmentType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46))).toBe("image/jpeg");
    expect(sniffAttachmentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe("image/png");
  });

  it("refuses a program, a zip (.docx/.xlsx), HTML, GIF, text and truncated signatures", () => {
    expect(sniffAttachmentType(bytes(0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0))).toBeNull(); // MZ: a Windows .exe
    expect(sniffAttachmentType(bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0))).toBeNull(); // ELF
    expect(sniffAttachmentType(bytes(0x50, 0x4b, 3, 4, 0x14, 0, 6, 0))).toBeNull(); // PK: zip, .docx
    expect(sniffAttachmentType(text("<html><script>"))).toBeNull();
    expect(sniffAttachmentType(text("GIF89a.."))).toBeNull();
    expect(sniffAttachmentType(text(" %PDF-1.4"))).toBeNull(); // the signature must open the file
    expect(sniffAttachmentType(text("%PDF"))).toBeNull();
    expect(sniffAttachmentType(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffAttachmentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a))).toBeNull();
    expect(sniffAttachmentType(bytes())).toBeNull();
  });

  it("items are the checklist's five and 其他; messages name the field in Chinese", () => {
    expect(["identity", "certification", "diagnosis", "history", "receipts", "other"].every(isAttachmentItem)).toBe(true);
    expect(isAttachmentItem("passport")).toBe(false);
    expect(isAttachmentItem(undefined)).toBe(false);
    expect(attachmentTooLarge(25 * 1024 * 1024)).toBe("附件（file）过大（25.0 MB）：每个附件不超过 20 MB，请压缩或分页扫描后再上传");
    expect(attachmentSizeText(1536)).toBe("2 KB");
    expect(attachmentSizeText(3 * 1024 * 1024)).toBe("3.0 MB");
  });
});

describe("who may add attachments, and the download name", () => {
  it("the township while it has the case, the county while it audits, nobody once decided", () => {
    expect(["accepted", "township_review", "returned"].map((s) => attachmentStepOf(s as ApplicationState))).toEqual(["township", "township", "township"]);
    expect(["forwarded", "county_review", "joint_meeting"].map((s) => attachmentStepOf(s as ApplicationState))).toEqual(["county", "county", "county"]);
    for (const s of ["approved", "in_batch", "paid", "payment_failed", "refused"] as const) expect(attachmentStepOf(s)).toBeNull();
    expect(closedForAttachments("paid")).toBe("该申请当前为“已支付”，案卷已审结，不能再上传附件");
  });

  it("keeps a matching extension and appends the real one otherwise", () => {
    expect(downloadName("身份证.PDF", "application/pdf")).toBe("身份证.PDF");
    expect(downloadName("病历.jpeg", "image/jpeg")).toBe("病历.jpeg");
    expect(downloadName("证件.html", "image/png")).toBe("证件.html.png");
    expect(downloadName("scan", "image/jpeg")).toBe("scan.jpg");
  });
});
