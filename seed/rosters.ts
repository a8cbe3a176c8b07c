import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, like, sql } from "drizzle-orm";
import iconv from "iconv-lite";
import type { UseCaseContext } from "@/lib/auth/context";
import { DEPARTMENT_NAMES, type RosterDepartment } from "@/lib/departments/departments";
import { toCsv } from "@/lib/export/domain/csv";
import { toXlsx } from "@/lib/export/domain/xlsx";
import { consolidateMonth } from "@/lib/rosters/consolidate-month";
import { demoRosterPlan, type DemoList } from "@/lib/rosters/domain/demo-roster-plan";
import { importRoster } from "@/lib/rosters/import-roster";
import { consolidations, people, rosterSubmissions } from "@/db/schema";
import type { Db, DbHandle } from "@/db/client";
import { byIdNumber, withIdNumbers } from "@/db/queries/people-ids";
import { demoActors } from "./demo-actors";

// Demo step: the demo county's rosters, sent as the departments send them —
// real files (民政 a GB18030 CSV as Chinese Excel saves it, 乡村振兴 an .xlsx,
// the others UTF-8 CSV with a BOM) imported through importRoster by each
// department's demo clerk, then consolidated month by month by the 医保 clerk
// through consolidateMonth. Send and run times are then set to plausible
// Beijing working days (never later than now), with two lists late, so the
// board has a history to show.

const CLERKS: Record<RosterDepartment, string> = {
  civil_affairs: "minzheng.clerk",
  rural_revitalization: "xiangcun.clerk",
  veterans: "tuiyi.clerk",
  disability: "canlian.clerk",
};
const HEADER = ["身份证号", "姓名", "类别", "变动", "区划代码", "认定日期", "备注"];
const KEYS = ["idNumber", "name", "category", "change", "divisionCode", "certifiedOn", "note"];

// When each list was sent (Beijing time); 退役军人 in October and 残联 in November were late.
const SENT: Record<string, Partial<Record<RosterDepartment, string>>> = {
  "2026-09": { civil_affairs: "09-02 09:20", rural_revitalization: "09-03 15:05", veterans: "09-04 10:40", disability: "09-07 16:10" },
  "2026-10": { civil_affairs: "09-30 11:00", rural_revitalization: "10-08 09:35", veterans: "10-12 14:20", disability: "10-08 16:45" },
  "2026-11": { civil_affairs: "11-03 10:15", rural_revitalization: "11-04 09:50", veterans: "11-05 11:30", disability: "11-09 15:00" },
  "2026-12": { civil_affairs: "12-02 10:05", rural_revitalization: "12-03 14:30" },
};
const CONSOLIDATED: Record<string, string> = { "2026-09": "09-10 10:00", "2026-10": "10-14 16:30", "2026-11": "11-10 09:45" };

export async function seedDemoRosters(handle: DbHandle): Promise<Record<string, number> | null> {
  const { db } = handle;
  const [sent] = await db.select({ n: sql<number>`count(*)::int` }).from(rosterSubmissions);
  if ((sent?.n ?? 0) > 0) return null;
  const residents = await db
    .select({ idSealed: people.idSealed, name: people.name, divisionCode: people.divisionCode, birthDate: people.birthDate })
    .from(people)
    .where(like(people.divisionCode, "430524%"))
    .then((rows) => withIdNumbers(rows).sort(byIdNumber)); // ID order: sealed IDs have none in SQL
  const lists = demoRosterPlan(residents);
  const ctxOf = await demoContexts(db);

  const dir = await mkdtemp(join(tmpdir(), "demo-rosters-"));
  let rows = 0;
  try {
    for (const month of [...new Set(lists.map((l) => l.month))]) {
      for (const list of lists.filter((l) => l.month === month)) {
        const path = await writeList(dir, list);
        const result = await importRoster(ctxOf(CLERKS[list.department]), { department: list.department, month, path, fileName: path.split("/").pop()! });
        if (result.rejected.length > 0) throw new Error(`demo roster ${list.department} ${month} rejected: ${JSON.stringify(result.rejected.slice(0, 3))}`);
        rows += result.accepted;
        await backdate(db, "submission", list.department, month, SENT[month]?.[list.department]);
      }
      if (CONSOLIDATED[month]) {
        await consolidateMonth(ctxOf("yibao.clerk"), month);
        await backdate(db, "consolidation", null, month, CONSOLIDATED[month]);
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { "roster lists": lists.length, "roster rows": rows, consolidations: Object.keys(CONSOLIDATED).length };
}

async function writeList(dir: string, list: DemoList): Promise<string> {
  const sheet = { columns: HEADER.map((header, i) => ({ header, key: KEYS[i]! })), rows: list.rows };
  const base = join(dir, `${DEPARTMENT_NAMES[list.department]}${list.month.replace("-", "年")}月名单`);
  if (list.department === "rural_revitalization") {
    const columns = sheet.columns.map((c) => (c.key === "idNumber" || c.key === "divisionCode" ? { ...c, numFmt: "@" } : c));
    await writeFile(`${base}.xlsx`, await toXlsx([{ name: "名单", columns, rows: list.rows }]));
    return `${base}.xlsx`;
  }
  const csv = toCsv(sheet);
  if (list.department === "civil_affairs") {
    // As Chinese Excel's "CSV (逗号分隔)" saves it: GB18030, no BOM.
    await writeFile(`${base}.csv`, iconv.encode(csv.toString("utf8").replace(/^\uFEFF/, ""), "gb18030"));
  } else {
    await writeFile(`${base}.csv`, csv);
  }
  return `${base}.csv`;
}

/** Sets a demo list's send time (or a month's consolidation time) to a plausible Beijing time, never after now. */
async function backdate(db: Db, what: "submission" | "consolidation", department: RosterDepartment | null, month: string, at: string | undefined) {
  if (!at) return;
  const when = sql`least(now(), ${`${month.slice(0, 4)}-${at}:00+08`}::timestamptz)`;
  if (what === "submission")
    await db.update(rosterSubmissions).set({ submittedAt: when }).where(and(eq(rosterSubmissions.department, department!), eq(rosterSubmissions.month, month)));
  else await db.update(consolidations).set({ runAt: when }).where(eq(consolidations.month, month));
}

/** Use-case contexts of the demo clerks, as a request would load them. */
async function demoContexts(db: Db): Promise<(username: string) => UseCaseContext> {
  const actorOf = await demoActors(db, [...Object.values(CLERKS), "yibao.clerk"]);
  return (username) => ({ db, actor: actorOf(username) });
}
