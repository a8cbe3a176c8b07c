import { COMMANDS } from "./registry";
import { processIO, runCli } from "./run-cli";

// `npm run --silent cli -- <command> [args]`: results on stdout, warnings and
// errors on stderr, one line per error and never a stack trace.
runCli(COMMANDS, process.argv.slice(2), processIO).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 70;
  },
);
