import { readFile } from "node:fs/promises";
import { CliInputError, type CliCommand, type CliIO } from "./command";

export function helpText(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return [
    "usage: npm run --silent cli -- <command> [args]",
    "",
    ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    "",
    "Database commands use DATABASE_URL when set, else the embedded PGlite under DATA_DIR (default ./data).",
    "",
  ].join("\n");
}

/** Finds the command whose name (one or two words) starts the arguments. */
function route(commands: readonly CliCommand[], argv: string[]) {
  for (const c of commands) {
    const words = c.name.split(" ");
    if (words.every((w, i) => argv[i] === w)) return { command: c, args: argv.slice(words.length) };
  }
  return null;
}

export async function runCli(commands: readonly CliCommand[], argv: string[], io: CliIO): Promise<number> {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    io.stdout(helpText(commands));
    return 0;
  }
  const found = route(commands, argv);
  if (!found) {
    io.stderr(`unknown command "${argv.slice(0, 2).join(" ")}"; see --help\n`);
    return 2;
  }
  if (found.args.includes("--help")) {
    io.stdout(`usage: ${found.command.usage}\n${found.command.summary}\n`);
    return 0;
  }
  try {
    return await found.command.run(found.args, io);
  } catch (err) {
    if (err instanceof CliInputError) {
      io.stderr(`${err.message.split("\n")[0]}\n`);
      return err.exitCode;
    }
    // A bug or an outage, not the user's mistake: one line, no stack trace.
    io.stderr(`internal error: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}\n`);
    return 70;
  }
}

export const processIO: CliIO = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  readText: async (file) => {
    if (file === "-") {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    }
    try {
      return await readFile(file, "utf8");
    } catch (err) {
      throw new CliInputError(`FILE: cannot read "${file}" (${(err as NodeJS.ErrnoException).code ?? "error"})`);
    }
  },
};
