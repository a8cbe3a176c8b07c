import type { CliCommand } from "./command";
import { dbSetupCommand } from "./commands/db-setup";
import { divisionsListCommand } from "./commands/divisions-list";
import { subsidyCommand } from "./commands/subsidy";
import { workdaysAdd, workdaysDeadline } from "./commands/workdays";

/** Every command of the contract (../shared/contracts/cli.md), in help order. */
export const COMMANDS: readonly CliCommand[] = [
  subsidyCommand,
  workdaysAdd,
  workdaysDeadline,
  dbSetupCommand,
  divisionsListCommand,
];
