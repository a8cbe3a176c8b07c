import "server-only";
import { cache } from "react";
import { getApplicationAudit } from "@/lib/applications/get-application-audit";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";

/** The audit panels' data, read once per request however many panels show it. */
export const loadAudit = cache(async (id: string) => loadForPage(async () => getApplicationAudit(await requireContext(), id)));
