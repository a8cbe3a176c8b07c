import { rotateDataKeys } from "@/lib/data-keys/rotate-data-keys";
import { UnknownDataKey } from "@/lib/crypto/id-cipher";
import { cliContext } from "../cli-actor";
import { CliInputError, CliUsageError, type CliCommand } from "../command";
import { withDatabase } from "../with-database";

// Key rotation for the ID numbers at rest (README, 个人数据): put the new key in
// PORTAL_DATA_KEY and the old one in PORTAL_DATA_KEY_OLD, run this, then drop
// PORTAL_DATA_KEY_OLD. A new PORTAL_INDEX_KEY is applied by the same run
// (every blind index is recomputed); stop the server meanwhile, as its
// lookups use the index key it started with. The run is audited (keys.rotate).
export const keysRotateCommand: CliCommand = {
  name: "keys rotate",
  usage: "keys rotate",
  summary: "用新密钥重新加密全部身份证号、申请人联系方式与银行账户、双因素密钥并重算检索索引（旧密钥经 PORTAL_DATA_KEY_OLD 提供）",
  async run(args, io) {
    if (args.length > 0) throw new CliUsageError(`keys rotate takes no arguments, got "${args[0]}"`);
    const r = await withDatabase(async (handle) => {
      try {
        return await rotateDataKeys(await cliContext(handle.db, "medical_security", "admin"), handle);
      } catch (err) {
        if (err instanceof UnknownDataKey) throw new CliInputError(`PORTAL_DATA_KEY_OLD: ${err.message}`);
        throw err;
      }
    });
    io.stdout(`${JSON.stringify(r)}\n`);
    return 0;
  },
};
