import { describe, expect, it } from "vitest";
import { parseJsonText } from "./parse-json-text";

const message = (text: string) => {
  try {
    parseJsonText(text, "schedule");
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error("expected a ValidationError");
};

describe("parseJsonText", () => {
  it("parses JSON, also with the byte-order mark Windows editors write", () => {
    expect(parseJsonText('\uFEFF{ "year": 2027 }', "schedule")).toEqual({ year: 2027 });
  });

  it("says where the JSON breaks, also where V8 gives no position", () => {
    expect(message('{ "year": 2028,\n  "holidays" [] }')).toBe("不是有效的 JSON：第 2 行第 14 列（「[] }」处）有误，请检查括号、双引号和逗号");
    expect(message('{"a":1 "b":2}')).toContain("第 1 行第 8 列");
    expect(message('{"days": [\n "2027-01-01",\n ]}')).toBe("不是有效的 JSON：第 3 行第 2 列（「]}」处）有误，最后一项后面不能有逗号");
    expect(message('{"year": 2027')).toBe("不是有效的 JSON：内容不完整，可能缺少结尾的 }、] 或双引号");
  });

  it("points at Chinese punctuation, empty input and a file that is not UTF-8", () => {
    expect(message('{ “year”: 2027 }')).toContain("不能用中文标点");
    expect(message("  \n")).toBe("请粘贴节假日安排的 JSON 内容，或选择一个 .json 文件");
    expect(message('{"name": "\uFFFD\uFFFD"}')).toContain("文件可能不是 UTF-8 编码");
  });
});
