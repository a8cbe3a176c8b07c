import "server-only";
import { join } from "node:path";
import { withUploadDir } from "@/lib/uploads/upload-temp";
import { cleanUploadName, writeUpload } from "@/lib/uploads/save-upload";
import { uploadLimitBytes, uploadLimitMb } from "@/lib/uploads/upload-limit";
import { insertAudit } from "@/db/queries/audit";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { DEPARTMENT_NAMES, ROSTER_DEPARTMENTS, type RosterDepartment } from "@/lib/departments/departments";
import { ForbiddenError, ValidationError } from "@/lib/errors/app-error";
import { beijingMonth, shiftMonth } from "./domain/beijing-time";
import { importRoster, type ImportRosterResult } from "./import-roster";
import { monthBounds } from "./domain/month";
import { WRONG_TYPE_MESSAGE, tooLargeMessage, uploadExtension } from "./domain/upload-limits";

export type ReceiveRosterUploadInput = {
  department: string;
  month: string;
  fileName: string;
  /** The file's bytes as they arrive (an upload stream): written to a temporary file, never held whole. */
  file: AsyncIterable<Uint8Array>;
  /** Overrides UPLOAD_MAX_MB (tests). */
  maxBytes?: number;
  /** Fraction of the file read and checked so far (0…1); after 1 the rows are being stored. */
  onProgress?: (fraction: number) => void;
};

export type ReceiveRosterUploadResult = ImportRosterResult & { department: RosterDepartment; month: string; fileName: string };

/**
 * A department clerk's upload of the month's list (browser or HTTP API):
 * who may send what is checked before a byte is stored, the upload is
 * streamed to a temporary file with a size limit, imported all-or-nothing by
 * importRoster, and the temporary file removed whatever happens.
 */
export async function receiveRosterUpload(ctx: UseCaseContext, input: ReceiveRosterUploadInput): Promise<ReceiveRosterUploadResult> {
  const target = { objectType: "roster", objectId: `${input.department} ${input.month}` };
  await requirePermission(ctx, "rosters.upload", target);
  const department = ROSTER_DEPARTMENTS.find((d) => d === input.department);
  if (!department) throw new ValidationError("department", `报送部门应为 ${ROSTER_DEPARTMENTS.join("、")} 之一`);
  if (department !== ctx.actor.user.department) {
    await insertAudit(ctx.db, auditRow(ctx.actor, { action: "rosters.upload", ...target, outcome: "refused", detail: { reason: "department" } }));
    const own = ctx.actor.user.department;
    throw new ForbiddenError(`只能报送本部门（${DEPARTMENT_NAMES[own]}）的名单。`);
  }
  monthBounds(input.month);
  const latest = shiftMonth(beijingMonth(new Date()), 1);
  if (input.month > latest) throw new ValidationError("month", `不能报送 ${input.month} 的名单：最多可提前报送下月（${latest}）的名单`);
  const fileName = cleanUploadName(input.fileName, "名单");
  const ext = uploadExtension(fileName);
  if (!ext) throw new ValidationError("file", WRONG_TYPE_MESSAGE);

  return withUploadDir("roster", async (dir) => {
    const path = join(dir, `upload${ext}`);
    // Over the limit: TooLargeError, a 413.
    await writeUpload(input.file, path, input.maxBytes ?? uploadLimitBytes(), tooLargeMessage(null, uploadLimitMb()));
    const result = await importRoster(ctx, { department, month: input.month, path, fileName, onProgress: input.onProgress });
    return { ...result, department, month: input.month, fileName };
  });
}
