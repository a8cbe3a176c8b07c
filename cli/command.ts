// The shape every CLI command has. The entry point (cli/main.ts) routes
// `npm run --silent cli -- <command> [args]` to one of these and turns errors
// into the contract's one clear line on stderr (docs/cli.md).

export type CliIO = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads FILE, or standard input when FILE is "-". */
  readText: (file: string) => Promise<string>;
};

/**
 * A user's mistake (bad file, bad field, unknown id): printed as one line on
 * stderr, exit code 1, never a stack trace. Messages name the field and the
 * reason, e.g. `claims[1].policyScopeCost: "-5" is negative`.
 */
export class CliInputError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** Wrong words on the command line: exit 2 with the message and a hint. */
export class CliUsageError extends CliInputError {
  constructor(message: string) {
    super(message, 2);
  }
}

export type CliCommand = {
  /** e.g. "settle" or "workdays add". */
  name: string;
  usage: string;
  summary: string;
  /** Returns the exit code; throws CliInputError for a user's mistake. */
  run: (args: string[], io: CliIO) => Promise<number>;
};
