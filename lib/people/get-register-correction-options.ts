import "server-only";
import { listCurrentDivisions } from "@/db/queries/divisions";
import type { UseCaseContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/domain/can";
import { scopePrefix } from "@/lib/divisions/domain/division-code";

export type VillageChoice = { code: string; name: string };
export type TownshipVillages = { code: string; name: string; villages: VillageChoice[] };

/**
 * The villages a 医保 corrector may move a person to (their jurisdiction's),
 * grouped by township for the picker; null when the user may not correct
 * (the form is then not shown — the use case refuses on its own).
 */
export async function getRegisterCorrectionOptions(ctx: UseCaseContext): Promise<TownshipVillages[] | null> {
  if (!can(ctx.actor.user, "people.correct_register")) return null;
  const within = await listCurrentDivisions(ctx.db, { scopePrefix: scopePrefix(ctx.actor.user.jurisdiction) });
  const townships = new Map<string, TownshipVillages>();
  for (const d of within) if (d.level === "township") townships.set(d.code, { code: d.code, name: d.name, villages: [] });
  for (const d of within) if (d.level === "village" && d.parentCode) townships.get(d.parentCode)?.villages.push({ code: d.code, name: d.name });
  return [...townships.values()].filter((t) => t.villages.length > 0);
}
