import { ValidationError } from "@/lib/errors/app-error";

// JSON text typed or saved by hand, with a Chinese message that says where it
// breaks. V8 reports a position for some syntax errors and not for others
// ("Unexpected token"), so the position is found by parsing prefixes: a
// prefix that ends before the mistake is merely incomplete.

const MAX_CHARS = 200_000;
const FULL_WIDTH = /[“”‘’，：｛｝［］]/;

/** True when parsing `text` fails for a reason other than running out of input. */
function breaksWithin(text: string): boolean {
  try {
    JSON.parse(text);
    return false;
  } catch (err) {
    const message = err instanceof Error ? err.message : "";
    if (message.includes("end of JSON input")) return false;
    const at = /at position (\d+)/.exec(message);
    return !(at && Number(at[1]) >= text.length);
  }
}

/** Index of the first character that cannot continue valid JSON, or null when the text is only cut short. */
function errorIndex(text: string): number | null {
  if (!breaksWithin(text)) return null;
  let lo = 1;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaksWithin(text.slice(0, mid))) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}

function lineAndColumn(text: string, index: number): string {
  const before = text.slice(0, index);
  return `第 ${before.split("\n").length} 行第 ${index - before.lastIndexOf("\n")} 列`;
}

/** Parses JSON text; a ValidationError on `field` says what is wrong and where. */
export function parseJsonText(raw: string, field: string): unknown {
  // Windows editors may start a UTF-8 file with a byte-order mark.
  const text = raw.replace(/^\uFEFF/, "");
  if (text.trim() === "") throw new ValidationError(field, "请粘贴节假日安排的 JSON 内容，或选择一个 .json 文件");
  if (text.length > MAX_CHARS) throw new ValidationError(field, "内容过长：一个年度的安排通常不到 3000 字，请检查是否选错了文件");
  if (text.includes("\uFFFD")) {
    throw new ValidationError(field, "内容含无法识别的字符，文件可能不是 UTF-8 编码：请用 UTF-8 编码另存后重新上传");
  }
  try {
    return JSON.parse(text);
  } catch {
    const index = errorIndex(text);
    const hint = FULL_WIDTH.test(text) ? "；JSON 的引号、逗号、冒号和括号须用英文半角，不能用中文标点" : "";
    if (index === null) throw new ValidationError(field, `不是有效的 JSON：内容不完整，可能缺少结尾的 }、] 或双引号${hint}`);
    const near = text.slice(index).split("\n")[0]!.slice(0, 12).trim();
    const trailingComma = /[\]}]/.test(text[index] ?? "") && text.slice(0, index).trimEnd().endsWith(",");
    const what = trailingComma ? "最后一项后面不能有逗号" : `请检查括号、双引号和逗号${hint}`;
    throw new ValidationError(field, `不是有效的 JSON：${lineAndColumn(text, index)}${near ? `（「${near}」处）` : ""}有误，${what}`);
  }
}
