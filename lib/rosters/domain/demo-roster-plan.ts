import { CATEGORY_INFO, type Category } from "@/lib/categories/categories";
import type { RosterDepartment } from "@/lib/departments/departments";
import { seededRandom, type Random } from "@/lib/demo/random";

// The demo county's monthly rosters (2026-09 … 2026-12), drawn from its
// residents with a fixed seed so every machine gets the same lists. About a
// third of the residents are on some list, spread over the categories as a
// rural county's are (低保 the largest group), dozens are on two lists (低保 and
// 返贫致贫, 重度残疾 and 低保, …) so that consolidation has conflicts to
// resolve, and each month some people leave, join or change category.
// The 2026-12 lists of 退役军人事务局 and 残联 are left unsent on purpose:
// the board shows them outstanding.

export type DemoResident = { idNumber: string; name: string; divisionCode: string; birthDate: string };
export type DemoRow = { idNumber: string; name: string; category: string; change: "新增" | "减少" | "在册"; divisionCode: string; certifiedOn: string };
export type DemoList = { department: RosterDepartment; month: string; rows: DemoRow[] };

export const DEMO_ROSTER_MONTHS = ["2026-09", "2026-10", "2026-11", "2026-12"] as const;
const UNSENT_IN_DECEMBER: readonly RosterDepartment[] = ["veterans", "disability"];

type Entry = { category: Category; certifiedOn: string };
type Roll = Map<string, Entry>;

// Share of residents per category on the first list (of 3,000: ~400 低保, ~75 特困, …).
const FIRST_LIST: [RosterDepartment, Category, number][] = [
  ["civil_affairs", "tekun", 0.025],
  ["civil_affairs", "dibao", 0.135],
  ["civil_affairs", "dibao_edge", 0.04],
  ["civil_affairs", "illness_poverty", 0.015],
  ["rural_revitalization", "returned_poverty", 0.022],
  ["rural_revitalization", "monitored", 0.045],
  ["rural_revitalization", "stable_exit", 0.04],
  ["veterans", "priority_veteran", 0.01],
  ["disability", "severe_disability", 0.015],
];

// People on a second list: [already on, second department, category, how many].
const SECOND_LIST: [Category, RosterDepartment, Category, number][] = [
  ["dibao", "rural_revitalization", "returned_poverty", 40],
  ["dibao", "disability", "severe_disability", 30],
  ["tekun", "disability", "severe_disability", 12],
  ["dibao_edge", "veterans", "priority_veteran", 8],
  ["illness_poverty", "rural_revitalization", "monitored", 10],
];

// Category changes within a department from one month to the next.
const MOVES: Partial<Record<Category, Category>> = {
  dibao_edge: "dibao",
  dibao: "tekun",
  monitored: "returned_poverty",
  returned_poverty: "stable_exit",
};

export function demoRosterPlan(residents: readonly DemoResident[], seed = 202609): DemoList[] {
  const rnd = seededRandom(seed);
  const order = shuffle([...residents], rnd);
  const byId = new Map(residents.map((r) => [r.idNumber, r]));
  const rolls: Record<RosterDepartment, Roll> = { civil_affairs: new Map(), rural_revitalization: new Map(), veterans: new Map(), disability: new Map() };
  let next = 0;
  const take = (fits: (r: DemoResident) => boolean) => {
    while (next < order.length && !fits(order[next]!)) next++;
    return order[next++];
  };
  const certified = (r: DemoResident, from: string, to: string) => randomDate(rnd, r.birthDate > from ? r.birthDate : from, to);

  for (const [department, category, share] of FIRST_LIST) {
    for (let i = 0; i < Math.round(share * residents.length); i++) {
      const r = take((p) => category !== "priority_veteran" || (p.birthDate >= "1940" && p.birthDate < "1986"));
      if (r) rolls[department].set(r.idNumber, { category, certifiedOn: certified(r, "2016-01-01", "2026-08-20") });
    }
  }
  for (const [on, department, category, count] of SECOND_LIST) {
    const holders = [...rolls.civil_affairs].filter(([id, e]) => e.category === on && !rolls[department].has(id));
    for (const [id] of holders.slice(0, count)) rolls[department].set(id, { category, certifiedOn: certified(byId.get(id)!, "2018-01-01", "2026-08-20") });
  }

  const lists: DemoList[] = [];
  let previous: Record<RosterDepartment, Roll> | null = null;
  for (const month of DEMO_ROSTER_MONTHS) {
    if (previous) changeRolls(rolls, month, rnd, () => take(() => true), certified);
    for (const department of Object.keys(rolls) as RosterDepartment[]) {
      if (month === "2026-12" && UNSENT_IN_DECEMBER.includes(department)) continue;
      lists.push({ department, month, rows: listRows(rolls[department], previous?.[department] ?? null, byId) });
    }
    previous = snapshot(rolls);
  }
  return lists;
}

/** One month's movements: some leave, some join, some change category (rates per department). */
function changeRolls(
  rolls: Record<RosterDepartment, Roll>,
  month: string,
  rnd: Random,
  newcomer: () => DemoResident | undefined,
  certified: (r: DemoResident, from: string, to: string) => string,
) {
  const lastMonth = `${month.slice(0, 5)}${String(Number(month.slice(5)) - 1).padStart(2, "0")}`;
  const rates: Record<RosterDepartment, { leave: number; join: number; move: number; joinAs: Category[] }> = {
    civil_affairs: { leave: 0.02, join: 0.02, move: 0.015, joinAs: ["dibao", "dibao", "dibao_edge", "illness_poverty", "tekun"] },
    rural_revitalization: { leave: 0.03, join: 0.02, move: 0.03, joinAs: ["monitored", "returned_poverty"] },
    veterans: { leave: 0.03, join: 0.03, move: 0, joinAs: ["priority_veteran"] },
    disability: { leave: 0.02, join: 0.03, move: 0, joinAs: ["severe_disability"] },
  };
  for (const [department, roll] of Object.entries(rolls) as [RosterDepartment, Roll][]) {
    const rate = rates[department];
    for (const [id, entry] of [...roll]) {
      const dice = rnd.next();
      if (dice < rate.leave) roll.delete(id);
      else if (dice < rate.leave + rate.move && MOVES[entry.category]) roll.set(id, { category: MOVES[entry.category]!, certifiedOn: `${lastMonth}-${String(rnd.int(1, 28)).padStart(2, "0")}` });
    }
    for (let i = 0; i < Math.max(1, Math.round(rate.join * roll.size)); i++) {
      const r = newcomer();
      if (r) roll.set(r.idNumber, { category: rnd.pick(rate.joinAs), certifiedOn: certified(r, `${lastMonth}-01`, `${lastMonth}-28`) });
    }
  }
}

/** The month's file: everyone on the roll (在册, or 新增 when new or recategorised) and 减少 for those who left. */
function listRows(roll: Roll, before: Roll | null, byId: Map<string, DemoResident>): DemoRow[] {
  const row = (id: string, e: Entry, change: DemoRow["change"]): DemoRow => {
    const r = byId.get(id)!;
    return { idNumber: id, name: r.name, category: CATEGORY_INFO[e.category].name, change, divisionCode: r.divisionCode, certifiedOn: e.certifiedOn };
  };
  const rows = [...roll].map(([id, e]) => row(id, e, before?.get(id)?.category === e.category ? "在册" : "新增"));
  if (before) for (const [id, e] of before) if (!roll.has(id)) rows.push(row(id, e, "减少"));
  return rows.sort((a, b) => a.divisionCode.localeCompare(b.divisionCode) || a.idNumber.localeCompare(b.idNumber));
}

function snapshot(rolls: Record<RosterDepartment, Roll>): Record<RosterDepartment, Roll> {
  return Object.fromEntries(Object.entries(rolls).map(([d, roll]) => [d, new Map(roll)])) as Record<RosterDepartment, Roll>;
}

function shuffle<T>(items: T[], rnd: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function randomDate(rnd: Random, from: string, to: string): string {
  const a = Date.parse(`${from.slice(0, 10)}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + Math.floor(rnd.next() * Math.max(1, (b - a) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}
