import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { correctPersonRegister } from "@/lib/people/correct-person-register";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// The register's name and village change only through a 医保 correction,
// audited per person with before and after.
describe.each(drivers())("correcting the person register on %s", (driver) => {
  let s: Scratch;
  let person: { id: string; name: string; division_code: string };
  beforeAll(async () => {
    s = await seededDb(driver);
    [person] = (await s.handle.raw.query<{ id: string; name: string; division_code: string }>(
      "select id, name, division_code from people where division_code like '430524100%' order by id limit 1",
    )) as [typeof person];
  });
  afterAll(async () => {
    await s?.drop();
  });

  const registerOf = async () =>
    (await s.handle.raw.query<{ name: string; division_code: string }>("select name, division_code from people where id = $1", [person.id]))[0]!;
  const audits = async (action: string) =>
    s.handle.raw.query<{ username: string; outcome: string; detail: Record<string, unknown> }>(
      "select username, outcome, detail from audit_log where action = $1 and object_id = $2 order by id",
      [action, person.id],
    );

  it("refuses certifying departments, township clerks and clerks without the permission, audited, changing nothing", async () => {
    for (const username of ["canlian.clerk", "minzheng.clerk", "taohong.clerk", "yibao.clerk"]) {
      await expect(
        correctPersonRegister(await contextOf(s, username), person.id, { name: "王大明", divisionCode: "430524101201", reason: "核实" }),
      ).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await registerOf()).toEqual({ name: person.name, division_code: person.division_code });
    expect((await audits("people.correct_register")).map((a) => [a.username, a.outcome])).toEqual([
      ["canlian.clerk", "refused"], ["minzheng.clerk", "refused"], ["taohong.clerk", "refused"], ["yibao.clerk", "refused"],
    ]);
  });

  it("names the field of a bad value: no village, an unknown code, a township instead of a village, no reason", async () => {
    const ctx = await contextOf(s, "yibao.reviewer");
    const fieldOf = (input: Record<string, unknown>) =>
      correctPersonRegister(ctx, person.id, { name: "王大明", divisionCode: "430524101201", reason: "经户籍信息核实", ...input }).then(
        () => "stored",
        (e: { field?: string }) => e.field,
      );
    expect(await fieldOf({ name: "王1" })).toBe("name");
    expect(await fieldOf({ divisionCode: "" })).toBe("divisionCode");
    expect(await fieldOf({ divisionCode: "430524199201" })).toBe("divisionCode");
    expect(await fieldOf({ divisionCode: "430524101000" })).toBe("divisionCode");
    expect(await fieldOf({ reason: "  " })).toBe("reason");
    expect(await registerOf()).toEqual({ name: person.name, division_code: person.division_code });
  });

  it("lets a 医保 reviewer correct name and village, audited with before and after, the names masked", async () => {
    await correctPersonRegister(await contextOf(s, "yibao.reviewer"), person.id, { name: "王大明", divisionCode: "430524101201", reason: "经户籍信息核实" });
    expect(await registerOf()).toEqual({ name: "王大明", division_code: "430524101201" });
    const [row] = (await audits("people.correct_register")).filter((a) => a.outcome === "success");
    expect(row).toMatchObject({
      username: "yibao.reviewer",
      detail: { before: { divisionCode: person.division_code }, after: { name: "王*明", divisionCode: "430524101201" }, nameChanged: true, reason: "经户籍信息核实" },
    });
    expect(JSON.stringify(row!.detail)).not.toContain(person.name);
  });
});
