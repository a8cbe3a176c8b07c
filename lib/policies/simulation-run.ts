import "server-only";
import { policyVersionsByIds } from "@/db/queries/claims";
import { divisionNamesOf, simulationPeople } from "@/db/queries/policy-simulation";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { beijingToday } from "@/lib/calendar/domain/iso-date";
import { CATEGORY_INFO, isCategory, type Category } from "@/lib/categories/categories";
import { scopePrefix } from "@/lib/divisions/domain/division-code";
import { ValidationError } from "@/lib/errors/app-error";
import { maskIdNumber } from "@/lib/privacy/domain/mask-id-number";
import { maskName } from "@/lib/privacy/domain/mask-name";
import { loadVersion, versionTarget, type LoadedVersion } from "./load-version";
import * as traceLog from "@/lib/settlement/trace-log";
import { compactPairReasons, forEachPair, parseSimulationPeriod, sameAmounts, simulatePersonCompact, simulationRecord, type SimulationPeriod } from "./domain/simulate-person";
import { SimulationTally, type PersonChange, type SimulationSummary } from "./domain/simulation-tally";
import { ledgerPeople } from "./simulation-ledger";
import { simulateSubsidies } from "./simulation-subsidies";
import { storedRecord } from "./stored-record";
import type { PolicyRecord } from "./domain/schema/policy-record";

// 政策测算's computation, shared by the page's run, the export and the
// one-person detail: the permission, the draft, the period, then the ledger
// streamed person by person and settled under both sides (no writes).

export type SimulationInput = { from?: string | null; to?: string | null };

export type SimulationReport = {
  policy: { policyId: string; version: number; name: string };
  period: SimulationPeriod;
  /** The versions in force the 现行 side used. */
  inForce: string[];
  summary: Omit<SimulationSummary, "largest" | "byCategory" | "byTownship"> & {
    byCategory: (SimulationSummary["byCategory"][number] & { name: string })[];
    byTownship: (SimulationSummary["byTownship"][number] & { name: string })[];
    largest: (PersonChange & { name: string; idNumber: string; townshipName: string })[];
  };
  seconds: number;
};

export const LARGEST = 20;

// A module-local copy: an imported binding is read through a getter on every use under CommonJS interop (tsx, the CLI).
const { AMOUNTS_PER_CLAIM } = traceLog;

const categoryName = (c: string) => (isCategory(c) ? CATEGORY_INFO[c].name : c);
const townshipOf = (divisionCode: string) => `${divisionCode.slice(0, 9)}000`;

/** What the simulation and its detail share: the permission, the draft, the period. */
export async function simulationSetup(ctx: UseCaseContext, ref: { policyId: string; version: string }, input: SimulationInput) {
  await requirePermission(ctx, "policies.edit", versionTarget(ref.policyId, ref.version));
  const row: LoadedVersion = await loadVersion(ctx.db, ref.policyId, ref.version);
  if (row.status !== "draft") throw new ValidationError("version", `${row.policyId} 第 ${row.version} 版已启用：政策测算只用于尚未启用的草稿，请先“复制为新版本”`);
  const parsed = parseSimulationPeriod(input, beijingToday());
  if (!parsed.ok) throw new ValidationError(parsed.field, parsed.message);
  const draft: { versionId: number; record: PolicyRecord } = { versionId: row.id, record: simulationRecord(storedRecord(row), parsed.period.from) };
  return { row, period: parsed.period, draft, scope: scopePrefix(ctx.actor.user.jurisdiction) };
}

/** The simulation without its audit row: the page's run and the export each audit their own read. */
export async function runSimulation(ctx: UseCaseContext, ref: { policyId: string; version: string }, input: SimulationInput): Promise<SimulationReport> {
  const started = performance.now();
  const { row, period, draft, scope } = await simulationSetup(ctx, ref, input);
  const tally = new SimulationTally(LARGEST);
  const versionIds = new Set<number>();
  // From the first period year's 1 January: earlier claims of that year fill its deductibles and limits.
  const readFrom = `${period.from.slice(0, 4)}-01-01`;
  // The enrolments run beside the claims (another connection on PostgreSQL): their reads overlap the claims' settling.
  const subsidies = simulateSubsidies(ctx.db, { scopePrefix: scope, period, draft: draft.record, tally });
  subsidies.catch(() => {});
  const none: readonly string[] = [];
  // One person's figures, handed to the tally (which copies what it keeps) and emptied for the next: no four arrays a person.
  const categories: Category[] = [];
  const current: number[] = [];
  const drafted: number[] = [];
  const reasons: (readonly string[])[] = [];
  for await (const page of ledgerPeople(ctx.db, { scopePrefix: scope, from: readFrom, to: period.to })) {
    for (const person of page) {
      // The engine's integers and compact traces: a claim's trace is rendered only when its amounts differ (to say why).
      const outcome = simulatePersonCompact(person.claims, draft);
      if (!outcome.ok) {
        tally.addProblem({ personId: person.personId, claims: outcome.claims, reason: outcome.reason });
        continue;
      }
      categories.length = 0;
      current.length = 0;
      drafted.length = 0;
      reasons.length = 0;
      for (const y of outcome.years) {
        forEachPair(y, (claim, cr, i, dr, j) => {
          if (claim.date < period.from) return;
          versionIds.add(cr.terms[i]!.versionId);
          categories.push(claim.category);
          const a = cr.settlement.amounts;
          const b = dr.settlement.amounts;
          for (let t = 0; t < AMOUNTS_PER_CLAIM; t++) {
            current.push(a[i * AMOUNTS_PER_CLAIM + t]!);
            drafted.push(b[j * AMOUNTS_PER_CLAIM + t]!);
          }
          reasons.push(sameAmounts(cr.settlement, i, dr.settlement, j) ? none : compactPairReasons(cr, i, dr, j, categoryName));
        });
      }
      tally.addPersonFen({ personId: person.personId, township: townshipOf(person.divisionCode), categories, current, draft: drafted, reasons });
    }
  }
  await subsidies;
  const summary = tally.summary();

  const people = new Map((await simulationPeople(ctx.db, summary.largest.map((p) => p.personId), scope)).map((p) => [p.id, p]));
  const names = await divisionNamesOf(ctx.db, [...new Set([...summary.byTownship.map((t) => t.key), ...summary.largest.map((p) => p.township)])]);
  const inForce = (await policyVersionsByIds(ctx.db, [...versionIds])).map((v) => `${v.name}（${v.policyId} 第 ${v.version} 版）`).sort();

  return {
    policy: { policyId: row.policyId, version: row.version, name: row.name },
    period,
    inForce,
    summary: {
      ...summary,
      byCategory: summary.byCategory.map((b) => ({ ...b, name: categoryName(b.key) })),
      byTownship: summary.byTownship.map((b) => ({ ...b, name: names.get(b.key) ?? b.key })),
      largest: summary.largest.map((p) => {
        const who = people.get(p.personId);
        return { ...p, name: who ? maskName(who.name) : "—", idNumber: who ? maskIdNumber(who.idNumber) : "—", townshipName: names.get(p.township) ?? p.township };
      }),
    },
    seconds: (performance.now() - started) / 1000,
  };
}
