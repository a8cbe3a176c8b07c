import { ValidationError } from "@/lib/errors/app-error";
import { contractLine, problem, type InputProblem } from "@/lib/settlement/settle-input-error";
import { problemToChinese } from "./settle-message-zh";

// A mistake in a settle/subsidy request as a value (path, code, parameters),
// with the two renderings the API answers 400 with: the contract's one-line
// message (docs/cli.md, the same words the CLI prints) and the Chinese for
// people, plus the field path it names.

export class ContractInputError extends ValidationError {
  readonly line: string;
  readonly chinese: string;
  /** `line` is the contract's English line, the settle request's rendering unless given (the subsidy's has no `input: `). */
  constructor(
    readonly problem: InputProblem,
    line: string = contractLine(problem),
  ) {
    super(problem.path === "" ? "input" : problem.path, line);
    this.line = line;
    this.chinese = problemToChinese(problem).message;
  }

  body(): { error: string; field: string; message: string } {
    return { error: this.line, field: this.field ?? "input", message: this.chinese };
  }
}

const MAX_BODY_CHARS = 5_000_000;

/** The request body as JSON; malformed JSON is the caller's mistake, in the contract's words. */
export function parseRequestJson(text: string): unknown {
  if (text.length > MAX_BODY_CHARS) throw new ContractInputError(problem("", "bodyTooLarge", {}));
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ContractInputError(problem("", "invalidJson", { detail: err instanceof Error ? err.message : String(err) }));
  }
}
