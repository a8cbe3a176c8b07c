import { rosterUploadResultSchema, type RosterUploadResult } from "@/lib/rosters/domain/roster-upload-response";

// The browser side of POST /api/v1/rosters/import: XMLHttpRequest (fetch
// cannot report upload progress), asking for the NDJSON progress stream and
// reading its lines as they arrive (responseText grows while loading). The
// result is parsed with the schema the route answers with.

export type UploadPhase = { kind: "uploading" | "checking"; fraction: number } | { kind: "saving"; fraction?: undefined };

export type UploadResult = RosterUploadResult;

export type UploadOutcome = { kind: "result"; result: UploadResult } | { kind: "error"; message: string; field?: string };

type Line = { type?: string; phase?: string; fraction?: number; status?: number; error?: string; field?: string };

const UNREADABLE = "服务器的答复无法识别，结果未知：请到“报送情况”查看该月是否已入库，必要时重新上传";

export function sendRoster(input: { department: string; month: string; file: File }, onPhase: (p: UploadPhase) => void): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let read = 0;
    let last: unknown = null;
    const readLines = () => {
      const text = xhr.responseText;
      let end = text.indexOf("\n", read);
      while (end !== -1) {
        const line = parse(text.slice(read, end));
        read = end + 1;
        end = text.indexOf("\n", read);
        if (!line) continue;
        if (line.type === "progress") onPhase(line.phase === "saving" ? { kind: "saving" } : { kind: "checking", fraction: line.fraction ?? 0 });
        else last = line;
      }
    };
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onPhase({ kind: "uploading", fraction: e.loaded / e.total });
    };
    xhr.upload.onload = () => onPhase({ kind: "checking", fraction: 0 });
    xhr.onprogress = () => {
      if (isStream(xhr)) readLines();
    };
    xhr.onload = () => {
      if (isStream(xhr)) {
        readLines();
        return resolve(outcomeOf(last));
      }
      const body = parse(xhr.responseText);
      if (xhr.status === 200 || xhr.status === 422) {
        const result = rosterUploadResultSchema.safeParse(body);
        if (result.success) return resolve({ kind: "result", result: result.data });
      }
      resolve({ kind: "error", message: body?.error ?? `上传失败（HTTP ${xhr.status}），请稍后重试`, field: body?.field });
    };
    xhr.onerror = () => resolve({ kind: "error", message: "网络中断，名单没有上传完成，请检查网络后重试" });
    xhr.open("POST", "/api/v1/rosters/import");
    xhr.setRequestHeader("Accept", "application/x-ndjson");
    const form = new FormData();
    // The fields before the file: the server reads the form as it arrives.
    form.append("department", input.department);
    form.append("month", input.month);
    form.append("file", input.file, input.file.name);
    xhr.send(form);
  });
}

function isStream(xhr: XMLHttpRequest): boolean {
  return (xhr.getResponseHeader("content-type") ?? "").includes("application/x-ndjson");
}

function parse(text: string): Line | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Line) : null;
  } catch {
    return null;
  }
}

function outcomeOf(last: unknown): UploadOutcome {
  const line = last as Line | null;
  if (line?.type === "result") {
    const result = rosterUploadResultSchema.safeParse(line);
    return result.success ? { kind: "result", result: result.data } : { kind: "error", message: UNREADABLE };
  }
  if (line?.type === "error") return { kind: "error", message: line.error ?? "处理失败，请稍后重试", field: line.field };
  return { kind: "error", message: "处理过程中连接中断，结果未知：请到“报送情况”查看该月是否已入库，必要时重新上传" };
}
