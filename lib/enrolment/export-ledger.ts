import "server-only";
import { ledgerByCategory, ledgerRows, ledgerTotals, type LedgerFilter } from "@/db/queries/enrolment-ledger";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { auditedXlsx } from "@/lib/export/audited-export";
import type { CellValue } from "@/lib/export/domain/xlsx";
import { maskIdNumber } from "@/lib/id-number/id-number";
import { formatAmount, Money } from "@/lib/money/money";
import { townshipFilter } from "./case-scope";
import { categoryName, fundingText, tierName } from "./domain/funding-text";
import { parseYear } from "./domain/year-input";

const BATCH = 2000;

/** The year's 参保台账 as .xlsx (details, totals by source, totals by category); ID numbers masked; the export is audited and names its exporter and time. */
export async function exportLedger(ctx: UseCaseContext, input: { year: unknown; township?: string }): Promise<{ fileName: string; body: Buffer }> {
  await requirePermission(ctx, "enrolment.manage");
  const year = parseYear(input.year);
  const filter = { year, ...(await townshipFilter(ctx, input.township, "enrolment.manage")) };
  const totals = await ledgerTotals(ctx.db, filter);
  const byCategory = await ledgerByCategory(ctx.db, filter);
  const amount = (v: string) => Number(formatAmount(new Money(v)));
  const body = await auditedXlsx(ctx, [
    {
      name: `${year}年度参保台账`,
      columns: [
        { header: "乡镇", key: "township" }, { header: "村（社区）", key: "village" }, { header: "姓名", key: "name" },
        { header: "身份证号", key: "id", width: 22 }, { header: "缴费日身份", key: "category", width: 20 }, { header: "档次", key: "tier" },
        { header: "缴费日期", key: "paidOn", width: 12 }, { header: "个人缴费标准", key: "contribution" }, { header: "资助金额", key: "subsidy" },
        { header: "个人负担", key: "personal" }, { header: "资金来源", key: "funding", width: 40 }, { header: "适用政策", key: "policy", width: 40 },
      ],
      rows: detailRows(ctx, filter, amount),
    },
    {
      name: "按资金来源",
      columns: [{ header: "资金来源", key: "source", width: 16 }, { header: "金额（元）", key: "amount", width: 16 }],
      rows: [
        { source: "医疗救助基金", amount: amount(totals.medicalAssistance) },
        { source: "财政", amount: amount(totals.finance) },
        { source: "个人", amount: amount(totals.personalFunding) },
        { source: "合计", amount: amount(totals.contribution) },
      ],
    },
    {
      name: "按类别",
      columns: [
        { header: "类别", key: "category", width: 22 }, { header: "人数", key: "people" }, { header: "个人缴费标准合计", key: "contribution" },
        { header: "资助合计", key: "subsidy" }, { header: "其中医疗救助基金", key: "ma" }, { header: "其中财政", key: "finance" }, { header: "个人负担", key: "personal" },
      ],
      rows: byCategory.map((c) => ({
        category: categoryName(c.category), people: c.people, contribution: amount(c.contribution), subsidy: amount(c.subsidy),
        ma: amount(c.medicalAssistance), finance: amount(c.finance), personal: amount(c.personal),
      })),
    },
  ], { action: "enrolment.export_ledger", objectType: "enrolment_ledger", objectId: String(year), detail: { year, township: filter.township ?? null, people: totals.people } });
  return { fileName: `参保台账-${year}${filter.township ? `-${filter.township}` : ""}.xlsx`, body };
}

async function* detailRows(ctx: UseCaseContext, filter: LedgerFilter, amount: (v: string) => number): AsyncGenerator<Record<string, CellValue>> {
  for (let offset = 0; ; offset += BATCH) {
    const page = await ledgerRows(ctx.db, { ...filter, limit: BATCH, offset });
    for (const r of page.rows) {
      yield {
        township: r.townshipName, village: r.villageName, name: r.name, id: maskIdNumber(r.idNumber), category: categoryName(r.category),
        tier: tierName(r.tier), paidOn: r.paidOn, contribution: amount(r.contribution), subsidy: amount(r.subsidy), personal: amount(r.personal),
        funding: fundingText(r.funding), policy: r.policyName ? `${r.policyName}（第 ${r.policyVersion} 版）` : null,
      };
    }
    if (!page.hasMore) return;
  }
}
