import { ATTACHMENT_EXTENSIONS, type AttachmentType } from "./attachment-kind";
import { STATE_NAMES, type ApplicationState } from "./states";

// Who may add an attachment, and when (our choice, docs/policy.md §6): the
// applicant hands documents in at the township, so the township clerk of the
// case's township adds them while the township has the case (已受理, 乡镇审核中,
// 退回补正). Once the file is at the county (已报县级, 县级审核中, 待联席会议),
// documents supplied late under 容缺受理 reach the county reviewer, who must
// see them before approving — so the county (applications.audit) may add them
// then, and the township no longer. After approval the file is closed: nothing
// is added to a decided case.

export type AttachmentStep = "township" | "county";

const STEP_OF: Partial<Record<ApplicationState, AttachmentStep>> = {
  accepted: "township",
  township_review: "township",
  returned: "township",
  forwarded: "county",
  county_review: "county",
  joint_meeting: "county",
};

/** Which side may add attachments to a case in `state`; null when the file is closed. */
export function attachmentStepOf(state: ApplicationState): AttachmentStep | null {
  return STEP_OF[state] ?? null;
}

export function closedForAttachments(state: ApplicationState): string {
  return `该申请当前为“${STATE_NAMES[state]}”，案卷已审结，不能再上传附件`;
}

/**
 * The name a download is offered under: the user's name with the extension
 * of the type the bytes really are, so a PNG uploaded as "证件.html" is saved
 * as "证件.html.png" and never opened as a page.
 */
export function downloadName(fileName: string, type: AttachmentType): string {
  const ext = ATTACHMENT_EXTENSIONS[type];
  const lower = fileName.toLowerCase();
  if (lower.endsWith(ext) || (type === "image/jpeg" && lower.endsWith(".jpeg"))) return fileName;
  return `${fileName}${ext}`;
}
