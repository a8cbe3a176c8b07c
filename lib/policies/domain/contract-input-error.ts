import { ValidationError } from "@/lib/errors/app-error";
import { contractLineToChinese, splitContractLine } from "./settle-message-zh";

// A mistake in a settle/subsidy request: the contract's one-line message
// (docs/cli.md, the same words the CLI prints), the field path it
// names, and the same in Chinese for people. The API answers 400 with all three.

export class ContractInputError extends ValidationError {
  readonly chinese: string;
  constructor(readonly line: string) {
    super(splitContractLine(line).field, line);
    this.chinese = contractLineToChinese(line).message;
  }

  body(): { error: string; field: string; message: string } {
    return { error: this.line, field: this.field ?? "input", message: this.chinese };
  }
}

const MAX_BODY_CHARS = 5_000_000;

/** The request body as JSON; malformed JSON is the caller's mistake, in the contract's words. */
export function parseRequestJson(text: string): unknown {
  if (text.length > MAX_BODY_CHARS) throw new ContractInputError("input: larger than 5 MB; split the request by person and year");
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ContractInputError(`input: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}
