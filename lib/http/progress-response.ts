import "server-only";
import { NextResponse } from "next/server";
import { AppError, HTTP_STATUS } from "@/lib/errors/app-error";

// Progress as NDJSON (one JSON object per line) when the client asks for it
// with `Accept: application/x-ndjson`:
//   {"type":"progress","phase":"checking","fraction":0.42}   … while rows are read and checked
//   {"type":"progress","phase":"saving"}                      … once every row is read
//   {"type":"result","status":200|422, …the JSON result…}    … last line
//   {"type":"error","status":4xx|500,"error":"…","field":"…"} … last line instead, on failure
// The response starts only at the first progress event: a refusal or a bad
// field before the file is read is an ordinary JSON error with its status.
// `Cache-Control: no-transform` keeps compression from holding lines back.

export type Progress = (fraction: number) => void;
type Outcome = { status: number; body: Record<string, unknown> };

const STEP = 0.01;

export async function progressResponse(run: (onProgress: Progress) => Promise<Outcome>): Promise<Response> {
  const encoder = new TextEncoder();
  let push: ((line: object) => void) | null = null;
  const early: object[] = [];
  let started!: () => void;
  const start = new Promise<"started">((resolve) => (started = () => resolve("started")));
  let last = -1;
  let saving = false;
  const send = (line: object) => (push ? push(line) : early.push(line));
  const onProgress: Progress = (fraction) => {
    if (fraction >= 1) {
      if (!saving) send({ type: "progress", phase: "saving" });
      saving = true;
    } else if (fraction - last >= STEP) {
      last = fraction;
      send({ type: "progress", phase: "checking", fraction: Math.round(fraction * 1000) / 1000 });
    }
    started();
  };
  const task = run(onProgress);
  const first = await Promise.race([start, task.then(() => "done" as const, () => "done" as const)]);
  if (first === "done" && early.length === 0) {
    const { status, body } = await task; // a failure here is mapped by apiRoute
    return NextResponse.json(body, { status });
  }
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      push = (line) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      for (const line of early.splice(0)) push(line);
      task.then(
        ({ status, body }) => push!({ type: "result", status, ...body }),
        (err: unknown) => push!(errorLine(err)),
      ).finally(() => controller.close());
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store, no-transform", "X-Accel-Buffering": "no" },
  });
}

function errorLine(err: unknown) {
  if (err instanceof AppError) return { type: "error", status: HTTP_STATUS[err.code], error: err.message, ...(err.field ? { field: err.field } : {}) };
  const ref = Math.random().toString(36).slice(2, 10);
  console.error(`[api] ${ref} import:`, err instanceof Error ? err.message : err);
  return { type: "error", status: 500, error: `系统内部错误，请稍后重试（编号 ${ref}）。` };
}
