import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { cliContext } from "../cli-actor";
import { CliUsageError, type CliCommand } from "../command";
import { withDatabase } from "../with-database";

export const auditVerifyCommand: CliCommand = {
  name: "audit verify",
  usage: "audit verify",
  summary: "校验审计日志的哈希链：发现被删除、篡改或绕过链条写入的记录（JSON；不通过时退出码 1）",
  async run(args, io) {
    if (args.length > 0) throw new CliUsageError(`audit verify takes no arguments, got "${args[0]}"`);
    // As the home division's system administrator (audit.view); reads only.
    const r = await withDatabase(async ({ db }) => verifyAuditChain(await cliContext(db, "medical_security", "admin")));
    io.stdout(`${JSON.stringify(r)}\n`);
    if (r.ok) return 0;
    io.stderr(`audit row ${r.firstBad.auditId}: ${r.firstBad.reason}\n`);
    return 1;
  },
};
