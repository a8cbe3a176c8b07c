import { expect, test } from "@playwright/test";
import iconv from "iconv-lite";
import { e2eSql } from "./helpers/db";
import { withE2eIds } from "./helpers/id-numbers";
import { loginAs } from "./helpers/login";

// The demo county's 2027 collection (paid in the autumn of 2026) is seeded
// with some people left unenrolled: the 医保 clerk imports a file for two of
// them and sees the ledger's totals grow by their subsidies; the 桃洪镇
// township clerk works one of their own cases off with a reason.

const sql = e2eSql();
test.afterAll(async () => sql.end());

const HEADER = "身份证号,姓名,参保年度,缴费档次,个人缴费标准,一档个人缴费标准,缴费日期,免缴人员";
const yuan = (n: number) => `¥${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const gb18030 = (lines: string[]) => iconv.encode([HEADER, ...lines].join("\r\n") + "\r\n", "gb18030");

// Two open 2027 cases outside 桃洪镇 of 特困 or 低保 people who held the category by 2026-10-15 (特困 first).
async function twoUnenrolled() {
  const rows = await sql<{ id_sealed: string; name: string; category: string }[]>`
    select p.id_sealed, p.name, pc.category
    from unenrolled_cases c join people p on p.id = c.person_id
    join person_categories pc on pc.person_id = p.id and pc.from_date <= '2026-10-15' and (pc.to_date is null or pc.to_date >= '2026-10-15')
    where c.year = 2027 and c.status = 'open' and c.township_code <> '430524100000' and pc.category in ('tekun', 'dibao')
    order by pc.category desc, p.id limit 2`;
  return withE2eIds(rows);
}

async function medicalAssistanceTotal(): Promise<number> {
  const [r] = await sql<{ total: string }[]>`
    select coalesce(sum((f->>'amount')::numeric), 0)::text as total from subsidies s, jsonb_array_elements(s.funding) f
    where s.year = 2027 and f->>'source' = 'medical_assistance'`;
  return Number(r!.total);
}

test("a 医保 clerk sees every problem of a bad file, then imports the fixed file and the ledger totals grow", async ({ page }) => {
  const [first, second] = await twoUnenrolled();
  expect(second).toBeDefined();
  // 003 §二(一): 特困 全额资助 (400.00), 低保 50% (200.00), both from the medical-assistance fund.
  const expected = [first!, second!].reduce((sum, p) => sum + (p.category === "tekun" ? 400 : 200), 0);
  const before = await medicalAssistanceTotal();
  const countEnrolments = async () => (await sql<{ n: number }[]>`select count(*)::int as n from enrolments`)[0]!.n;
  const enrolmentsBefore = await countEnrolments();

  await loginAs(page, "yibao.clerk");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "参保台账" }).click();
  await expect(page).toHaveURL(/\/enrolment$/);
  await page.goto("/enrolment?year=2027");
  await expect(page.getByTestId("totals-by-source")).toContainText(yuan(before));

  const file = page.getByLabel(/参保缴费数据文件/);
  await file.setInputFiles({
    name: "2027补缴.csv",
    mimeType: "text/csv",
    buffer: gb18030([`${first!.id_number},${first!.name},2027,一档,400,400,2026-10-15,是`, `${second!.id_number},${second!.name},2027,三档,400,400,2026-13-01,否`]),
  });
  await page.getByRole("button", { name: "导入并计算资助" }).click();
  const errors = page.getByTestId("upload-errors");
  await expect(errors).toContainText("2 处问题，整个文件未导入");
  await expect(errors.locator("tbody tr")).toHaveCount(2);
  await expect(errors.locator("tbody tr").nth(0)).toContainText("缴费档次");
  await expect(errors.locator("tbody tr").nth(1)).toContainText("缴费日期");
  const download = page.waitForEvent("download");
  await errors.getByRole("button", { name: "下载问题清单（Excel）" }).click();
  expect((await download).suggestedFilename()).toBe("2027补缴-问题清单.xlsx");
  expect(await countEnrolments()).toBe(enrolmentsBefore);

  await file.setInputFiles({
    name: "2027补缴.csv",
    mimeType: "text/csv",
    buffer: gb18030([`${first!.id_number},${first!.name},2027,一档,400,400,2026-10-15,是`, `${second!.id_number},${second!.name},2027,一档,400,400,2026-10-16,否`]),
  });
  await page.getByRole("button", { name: "导入并计算资助" }).click();
  await expect(page.getByTestId("upload-result")).toContainText("新登记参保 2 人");
  await expect(page.getByTestId("upload-result")).toContainText("计算资助 2 人；自动销号（已参保）2 人");
  await expect(page.getByTestId("totals-by-source")).toContainText(yuan(before + expected));
  expect(await medicalAssistanceTotal()).toBe(before + expected);
});

test("a township clerk closes a case with a reason, and it leaves the open list", async ({ page }) => {
  await loginAs(page, "taohong.clerk");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "未参保销号" }).click();
  await expect(page).toHaveURL(/\/unenrolled$/);
  await page.goto("/unenrolled?year=2027");
  const rows = page.getByTestId("unenrolled-row");
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  await expect(page.getByTestId("township-counts").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("township-counts")).toContainText("桃洪镇");

  const first = rows.first();
  const name = (await first.getByRole("link").textContent())!;
  await first.getByRole("button", { name: "销号" }).click();
  await expect(first.getByTestId("close-error")).toContainText("请选择销号原因");

  await first.getByLabel(`${name}的销号原因`).selectOption({ label: "参军" });
  await first.getByLabel(`${name}的销号说明`).fill("2026年9月应征入伍");
  await first.getByRole("button", { name: "销号" }).click();
  // A confirmation step names the person (masked) and the reason; going back changes nothing.
  const confirm = first.getByTestId("close-confirm");
  await expect(confirm).toContainText("确认为");
  await expect(confirm).toContainText(`${[...name][0]}*`);
  await expect(confirm).not.toContainText(name);
  await expect(confirm).toContainText("原因：参军；说明：2026年9月应征入伍");
  await confirm.getByRole("button", { name: "返回修改" }).click();
  await expect(first.getByLabel(`${name}的销号原因`)).toHaveValue("army");
  await expect(rows).toHaveCount(count);
  await first.getByRole("button", { name: "销号" }).click();
  await first.getByRole("button", { name: "确认销号" }).click();
  await expect(rows).toHaveCount(count - 1);
  await expect(page.getByTestId("unenrolled-table").getByRole("link", { name, exact: true })).toHaveCount(0);

  const [closed] = await sql<{ status: string; reason: string; note: string; username: string }[]>`
    select c.status, c.reason, c.note, u.username from unenrolled_cases c join people p on p.id = c.person_id join users u on u.id = c.closed_by
    where c.year = 2027 and p.name = ${name} and c.township_code = '430524100000' order by c.closed_at desc nulls last limit 1`;
  expect(closed).toEqual({ status: "closed", reason: "army", note: "2026年9月应征入伍", username: "taohong.clerk" });
});

test("a township clerk reopens a case closed in error, with a reason, and the person page shows both steps", async ({ page }) => {
  // An open 2027 case of 桃洪镇, closed here by the clerk, then reopened.
  const [c] = await sql<{ id: number; person_id: string; name: string }[]>`
    select c.id, p.id as person_id, p.name from unenrolled_cases c join people p on p.id = c.person_id
    where c.year = 2027 and c.status = 'open' and c.township_code = '430524100000' order by p.division_code desc, p.name desc, c.id desc limit 1`;
  expect(c).toBeDefined();
  await loginAs(page, "taohong.clerk");
  // The closed list is ordered by township, village, name: find the page our case lands on.
  const pageOf = async () => {
    const [r] = await sql<{ n: number }[]>`
      select count(*)::int as n from unenrolled_cases x join people p on p.id = x.person_id, people me
      where me.id = ${c!.person_id} and x.year = 2027 and x.status = 'closed' and x.township_code = '430524100000'
        and (p.division_code, p.name, x.id) < (me.division_code, me.name, ${c!.id})`;
    return Math.floor(r!.n / 50) + 1;
  };
  await page.goto("/unenrolled?year=2027");
  const row = () => page.getByTestId("unenrolled-row").filter({ has: page.getByRole("link", { name: c!.name, exact: true }) }).last();
  // Ours sorts last among the township's open cases.
  let p = 1;
  while (!(await row().isVisible()) && p < 40) await page.goto(`/unenrolled?year=2027&page=${++p}`);
  await row().getByLabel(`${c!.name}的销号原因`).selectOption({ label: "死亡" });
  await row().getByRole("button", { name: "销号" }).click();
  await row().getByRole("button", { name: "确认销号" }).click();
  await expect.poll(async () => (await sql`select status from unenrolled_cases where id = ${c!.id}`)[0]!.status).toBe("closed");

  await page.goto(`/unenrolled?year=2027&status=closed&page=${await pageOf()}`);
  await row().getByRole("button", { name: `重新打开${c!.name}的未参保记录` }).click();
  await row().getByRole("button", { name: "确认重新打开" }).click();
  await expect(row().getByTestId("reopen-error")).toContainText("请填写重新打开的原因");
  expect((await sql`select status from unenrolled_cases where id = ${c!.id}`)[0]!.status).toBe("closed");
  await row().getByLabel(`${c!.name}重新打开的原因`).fill("核实有误，本人健在");
  await row().getByRole("button", { name: "确认重新打开" }).click();
  await expect.poll(async () => (await sql`select status from unenrolled_cases where id = ${c!.id}`)[0]!.status).toBe("open");
  const [audit] = await sql<{ username: string; detail: { reason: string } }[]>`
    select username, detail from audit_log where action = 'enrolment.reopen_case' and object_id = ${String(c!.id)} order by id desc limit 1`;
  expect(audit).toMatchObject({ username: "taohong.clerk", detail: { reason: "核实有误，本人健在" } });

  await page.goto(`/people/${c!.person_id}`);
  const history = page.getByTestId("case-history");
  // The latest two steps (a retry of this test adds two more to the same case).
  await expect(history.locator("li").nth(-2)).toContainText("销号：死亡 · 罗春兰");
  await expect(history.locator("li").last()).toContainText("重新打开：核实有误，本人健在 · 罗春兰");
});
