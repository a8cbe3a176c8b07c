import "server-only";
import type { Db } from "@/db";
import { publishedPolicyIds, publishedVersionsOf } from "@/db/queries/policies";
import { PRESET_IDS } from "@/lib/policies/domain/preset-registry";
import type { Candidate } from "./domain/pick-version";
import { storedRecord } from "./stored-record";

/** The published (never draft) versions of a stored policy id, validated; empty when there are none. */
export async function publishedCandidates(db: Db, policyId: unknown): Promise<Candidate[]> {
  // No policy id holds a control character; PostgreSQL refuses a NUL in text outright (that was a 500, found by tests/integration/fuzz-json-api.test.ts).
  if (typeof policyId !== "string" || policyId === "" || policyId.length > 64 || [...policyId].some((ch) => ch < " " || ch === "\u007f")) return [];
  const rows = await publishedVersionsOf(db, policyId);
  return rows.map((row) => ({ versionId: row.id, version: row.version, record: storedRecord(row) }));
}

/** Every policy id a request may name: the presets and the stored policies. */
export async function knownPolicyIds(db: Db): Promise<string[]> {
  return [...new Set([...PRESET_IDS, ...(await publishedPolicyIds(db))])];
}
