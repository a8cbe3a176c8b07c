import { AppError, TooLargeError } from "@/lib/errors/app-error";

// Every JSON body a route handler reads goes through here, so no body is held
// in memory past its limit: a declared Content-Length over the limit is
// refused before a byte is read, and a body without one (chunked) is counted
// while it arrives and dropped the moment it passes the limit. request.text()
// would first buffer the whole body — a signed-in user could push the server
// to gigabytes with one request.

/** The limit of ordinary JSON bodies, and of settle/subsidy requests (the contract's 5 MB, docs/cli.md). */
export const JSON_BODY_LIMIT = 5 * 1024 * 1024;

function tooLarge(limit: number): TooLargeError {
  return new TooLargeError("body", `请求体过大：上限 ${Math.round(limit / 1024 / 1024)} MB，请拆分后分批提交`);
}

/** The body as text, refused (413) once it passes `limit` bytes. */
export async function readBodyText(request: Request, limit: number = JSON_BODY_LIMIT): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) {
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge(limit);
  }
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A JSON body under `limit` bytes; malformed JSON is the caller's mistake (400), not ours. */
export async function readJsonBody(request: Request, limit: number = JSON_BODY_LIMIT): Promise<unknown> {
  const text = await readBodyText(request, limit);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid", "请求体不是有效的 JSON：请检查括号、引号和逗号");
  }
}
