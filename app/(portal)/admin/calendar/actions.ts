"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireContext } from "@/lib/auth/current-actor";
import { loadYearSchedule, type LoadYearScheduleResult } from "@/lib/calendar/load-year-schedule";
import { SCHEDULE_FIELD } from "@/lib/calendar/domain/parse-schedule-input";
import { ValidationError } from "@/lib/errors/app-error";
import { echoValues, runAction, type ActionResult } from "@/lib/http/action-result";
import { FILE_TOO_LARGE, MAX_SCHEDULE_FILE_BYTES } from "./limits";

/** The uploaded file's text when a file was chosen (it wins over the text box), else the pasted text. */
async function submittedJson(form: FormData): Promise<string> {
  const file = form.get("file");
  if (file instanceof File && file.size > 0) {
    if (!/\.json$/i.test(file.name)) {
      throw new ValidationError(SCHEDULE_FIELD, `“${file.name}”不是 .json 文件：请选择节假日安排的 JSON 文件，或把内容粘贴到文本框中`);
    }
    if (file.size > MAX_SCHEDULE_FILE_BYTES) throw new ValidationError(SCHEDULE_FIELD, FILE_TOO_LARGE);
    return file.text();
  }
  return String(form.get("json") ?? "");
}

export async function loadScheduleAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  let loaded: LoadYearScheduleResult | undefined;
  const result = await runAction(async () => {
    const raw = await submittedJson(form);
    loaded = await loadYearSchedule(await requireContext(), raw, form.get("note") ?? undefined);
  });
  if (!result || !result.ok) return result && { ...result, values: echoValues(form, ["json", "note"]) };
  revalidatePath("/admin/calendar");
  if (!loaded) return result;
  redirect(`/admin/calendar?year=${loaded.year}&loaded=${loaded.version}${loaded.changed ? "" : "&unchanged=1"}`);
}
