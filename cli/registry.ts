import type { CliCommand } from "./command";
import { applicationDueCommand } from "./commands/application-due";
import { applicationsSummaryCommand } from "./commands/applications-summary";
import { auditVerifyCommand } from "./commands/audit-verify";
import { dbGrantAppCommand } from "./commands/db-grant-app";
import { dbSetupCommand } from "./commands/db-setup";
import { divisionsListCommand } from "./commands/divisions-list";
import { keysRotateCommand } from "./commands/keys-rotate";
import { monitoringRunCommand } from "./commands/monitoring-run";
import { personShowCommand } from "./commands/person-show";
import { rosterConsolidateCommand, rosterImportCommand } from "./commands/roster";
import { settleCommand } from "./commands/settle";
import { statsCoverageCommand } from "./commands/stats-coverage";
import { subsidyCommand } from "./commands/subsidy";
import { workdaysAdd, workdaysDeadline } from "./commands/workdays";

/** Every command of the contract (docs/cli.md), in help order. */
export const COMMANDS: readonly CliCommand[] = [
  settleCommand,
  subsidyCommand,
  workdaysAdd,
  workdaysDeadline,
  applicationDueCommand,
  applicationsSummaryCommand,
  statsCoverageCommand,
  monitoringRunCommand,
  dbSetupCommand,
  divisionsListCommand,
  rosterImportCommand,
  rosterConsolidateCommand,
  personShowCommand,
  keysRotateCommand,
  auditVerifyCommand,
  dbGrantAppCommand,
];
