import type { NextRequest } from "next/server";
import { approveApplication } from "@/lib/applications/approve-application";
import { beginCountyAudit } from "@/lib/applications/begin-county-audit";
import { beginTownshipReview } from "@/lib/applications/begin-township-review";
import { parseTransitionBody } from "@/lib/applications/domain/api-input";
import { forwardApplication } from "@/lib/applications/forward-application";
import { recordHouseholdSurvey } from "@/lib/applications/record-household-survey";
import { recordJointDecision } from "@/lib/applications/record-joint-decision";
import { recordRefusalNotice } from "@/lib/applications/record-refusal-notice";
import { referToJointMeeting } from "@/lib/applications/refer-to-joint-meeting";
import { refuseApplication } from "@/lib/applications/refuse-application";
import { resumeReview } from "@/lib/applications/resume-review";
import { returnApplication } from "@/lib/applications/return-application";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";

// POST /api/v1/applications/{id}/transitions  { "action": "...", "version": N, ... }
// — one step of the workflow through the same use case its page button calls.
// Answers { state, version, dueOn }; 409 when the version is stale (someone
// acted first) or the state no longer allows it; 403 for another post or township.

export const POST = apiRoute<{ id: string }>(["applications.intake", "applications.audit"], async (ctx, request: NextRequest, { id }) => {
  const body = parseTransitionBody(await readJsonBody(request));
  switch (body.action) {
    case "begin_review":
      return beginTownshipReview(ctx, id, body);
    case "record_survey":
      return recordHouseholdSurvey(ctx, id, body);
    case "return_for_documents":
      return returnApplication(ctx, id, body);
    case "resume_review":
      return resumeReview(ctx, id, body);
    case "forward":
      return forwardApplication(ctx, id, body);
    case "begin_audit":
      return beginCountyAudit(ctx, id, body);
    case "approve":
      return approveApplication(ctx, id, body);
    case "refer_to_joint_meeting":
      return referToJointMeeting(ctx, id, body);
    case "record_joint_decision":
      return recordJointDecision(ctx, id, body);
    case "refuse":
      return refuseApplication(ctx, id, body);
    case "record_refusal_notice":
      return recordRefusalNotice(ctx, id, body);
  }
}, { object: "application" });
