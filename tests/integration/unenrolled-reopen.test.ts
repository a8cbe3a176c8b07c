import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeUnenrolledCase } from "@/lib/enrolment/close-unenrolled-case";
import { generateWorklist } from "@/lib/enrolment/generate-worklist";
import { getPersonEnrolment } from "@/lib/enrolment/get-person-enrolment";
import { listUnenrolled } from "@/lib/enrolment/list-unenrolled";
import { reopenUnenrolledCase } from "@/lib/enrolment/reopen-unenrolled-case";
import { drivers } from "../helpers/scratch-db";
import { contextOf } from "../helpers/seeded";
import { enrolmentFixture, type Fixture } from "./enrolment-fixture";

// Reopening a 未参保 case closed in error (销号 undone): reason required,
// jurisdiction checked on the server, audited with the change, and the case's
// history keeps both the 销号 and the reopening.

describe.each(drivers())("reopening a 未参保 case on %s", (driver) => {
  let f: Fixture;
  let taohongCase: number;
  let xiaoshajiangCase: number;
  beforeAll(async () => {
    f = await enrolmentFixture(driver);
    await generateWorklist(await contextOf(f.s, "yibao.clerk"), 2026);
    const caseOf = async (key: "unenrolledTaohong" | "unenrolledXiaoshajiang") => {
      const [row] = await f.s.handle.raw.query<{ id: number }>("select id from unenrolled_cases where person_id = $1 and year = 2026", [await f.personId(key)]);
      return row!.id;
    };
    taohongCase = await caseOf("unenrolledTaohong");
    xiaoshajiangCase = await caseOf("unenrolledXiaoshajiang");
  });
  afterAll(async () => {
    await f?.drop();
  });

  const state = async (id: number) =>
    (await f.s.handle.raw.query<{ status: string; reason: string | null; note: string | null }>("select status, reason, note from unenrolled_cases where id = $1", [id]))[0]!;
  const audits = async (id: number, action: string) =>
    f.s.handle.raw.query<{ username: string; outcome: string; detail: Record<string, unknown> }>(
      "select username, outcome, detail from audit_log where action = $1 and object_id = $2 order by id",
      [action, String(id)],
    );

  it("refuses to reopen a case that is still open, and one without a reason, naming the field", async () => {
    const clerk = await contextOf(f.s, "taohong.clerk");
    await expect(reopenUnenrolledCase(clerk, taohongCase, { reason: "核实有误" })).rejects.toMatchObject({ code: "invalid", field: "status" });
    await closeUnenrolledCase(clerk, taohongCase, { reason: "army", note: "误选" });
    for (const reason of [undefined, "", "  ", "误"]) {
      await expect(reopenUnenrolledCase(clerk, taohongCase, { reason })).rejects.toMatchObject({ code: "invalid", field: "reason", message: expect.stringContaining("原因") });
    }
    await expect(reopenUnenrolledCase(clerk, taohongCase, { reason: "长".repeat(201) })).rejects.toMatchObject({ field: "reason" });
    expect(await state(taohongCase)).toMatchObject({ status: "closed", reason: "army" });
    expect(await audits(taohongCase, "enrolment.reopen_case")).toEqual([]);
  });

  it("refuses a township clerk another township's case, audited as refused, and changes nothing", async () => {
    const yibao = await contextOf(f.s, "yibao.clerk");
    await closeUnenrolledCase(yibao, xiaoshajiangCase, { reason: "deceased" });
    await expect(reopenUnenrolledCase(await contextOf(f.s, "taohong.clerk"), xiaoshajiangCase, { reason: "核实有误" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await state(xiaoshajiangCase)).toMatchObject({ status: "closed", reason: "deceased" });
    const refused = await f.s.handle.raw.query("select 1 from audit_log where action = 'enrolment.work' and outcome = 'refused' and object_id = $1", [String(xiaoshajiangCase)]);
    expect(refused).toHaveLength(1);
    // A user without the permission at all (民政 clerk) is refused too.
    await expect(reopenUnenrolledCase(await contextOf(f.s, "minzheng.clerk"), xiaoshajiangCase, { reason: "核实有误" })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("reopens the township's own case with a reason: back on the open list, audited, the history shows the 销号 and the reopening", async () => {
    const clerk = await contextOf(f.s, "taohong.clerk");
    await reopenUnenrolledCase(clerk, taohongCase, { reason: " 核实有误，本人未参军 " });
    expect(await state(taohongCase)).toEqual({ status: "open", reason: null, note: null });
    expect((await listUnenrolled(clerk, { year: 2026, page: 1 })).rows.map((r) => r.id)).toContain(taohongCase);
    expect(await audits(taohongCase, "enrolment.reopen_case")).toEqual([
      { username: "taohong.clerk", outcome: "success", detail: expect.objectContaining({ reason: "核实有误，本人未参军", undone: { reason: "army", note: "误选" } }) },
    ]);
    await expect(reopenUnenrolledCase(clerk, taohongCase, { reason: "再次打开" })).rejects.toMatchObject({ field: "status" });

    await closeUnenrolledCase(clerk, taohongCase, { reason: "employee_insurance" });
    const [year] = await getPersonEnrolment(clerk, await f.personId("unenrolledTaohong"));
    expect(year!.unenrolled).toMatchObject({ status: "closed", reason: "职工医保" });
    expect(year!.unenrolled!.history.map((e) => `${e.text} · ${e.by}`)).toEqual([
      "销号：参军（误选） · 罗春兰",
      "重新打开：核实有误，本人未参军 · 罗春兰",
      "销号：职工医保 · 罗春兰",
    ]);
    expect(year!.unenrolled!.history[0]!.at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it("keeps a reopened case open when the worklist is generated again", async () => {
    const yibao = await contextOf(f.s, "yibao.clerk");
    await reopenUnenrolledCase(yibao, xiaoshajiangCase, { reason: "死亡信息核实有误" });
    expect(await generateWorklist(yibao, 2026)).toMatchObject({ opened: 0 });
    expect(await state(xiaoshajiangCase)).toMatchObject({ status: "open" });
  });
});
