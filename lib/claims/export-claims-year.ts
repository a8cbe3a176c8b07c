import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import { auditedXlsx } from "@/lib/export/audited-export";
import type { Sheet } from "@/lib/export/domain/sheet";
import { levelName, SETTING_NAMES } from "./domain/claim-labels";
import { readClaimsYear, type ClaimsYear } from "./get-claims-year";
import { ruleText, TIER_NAMES, traceArithmetic } from "./domain/trace-text";

// The year view as a workbook: the claims with each tier and the running
// total, the limits and deductibles, and every trace line. The ID number stays
// masked; values pass through the formula-safe export helpers. Same access as
// the year view (claims.view, jurisdiction); the export is audited and every
// sheet names the exporter and the time (lib/export/audited-export.ts).

const money = (key: string, header: string) => ({ header, key, width: 14 });

function sheets(y: ClaimsYear): Sheet[] {
  const claims = y.claims.map((c) => ({
    date: c.date,
    externalId: c.externalId,
    setting: SETTING_NAMES[c.setting],
    hospital: `${c.hospitalName}（${levelName(c.hospitalLevel)}）`,
    flags: [c.specialDisease ? "特殊疾病" : "", c.referred ? "" : "未按规定转诊", c.inCity ? "" : "市域外", c.onApplication ? "依申请" : ""].filter(Boolean).join("、"),
    policyScopeCost: c.policyScopeCost,
    hospitalWaived: c.hospitalWaived,
    commercialPaid: c.commercialPaid,
    basic: c.settlement?.basic ?? "",
    critical: c.settlement?.critical ?? "",
    assistance: c.settlement?.assistance ?? "",
    tilted: c.settlement?.tilted ?? "",
    selfPaid: c.settlement?.selfPaid ?? "",
    running: c.running?.assistanceSoFar ?? "",
    category: c.settlement?.categoryName ?? "未结算",
    version: c.settlement?.versionLabel ?? "",
  }));
  const limits = y.runs.flatMap((r) => [
    ...r.pools.map((p) => ({ period: `${r.from} 至 ${r.to}`, category: r.categoryName, item: p.name, amount: p.limit ?? "不设限额", used: p.used, left: p.left ?? "—" })),
    ...r.deductibles.map((d) => ({ period: `${r.from} 至 ${r.to}`, category: r.categoryName, item: d.name, amount: d.amount ?? "未配置", used: d.used, left: "" })),
  ]);
  const traces = y.claims.flatMap((c) =>
    (c.settlement?.trace ?? []).map((e) => ({ date: c.date, externalId: c.externalId, tier: TIER_NAMES[e.tier], rule: ruleText(e), arithmetic: traceArithmetic(e), amount: e.amount })),
  );
  return [
    {
      name: `${y.year}年结算明细`,
      columns: [
        { header: "结算日期", key: "date", width: 12 }, { header: "结算流水号", key: "externalId", width: 20 }, { header: "就诊类型", key: "setting", width: 10 },
        { header: "医疗机构", key: "hospital", width: 26 }, { header: "标记", key: "flags", width: 16 }, money("policyScopeCost", "政策范围内费用"),
        money("basic", "基本医保"), money("critical", "大病保险"), money("assistance", "医疗救助"), money("tilted", "倾斜救助"), money("selfPaid", "个人自付"),
        money("hospitalWaived", "医疗机构减免"), money("commercialPaid", "商业补充保险赔付"),
        money("running", "本年累计救助"), { header: "救助类别", key: "category", width: 16 }, { header: "政策版本", key: "version", width: 40 },
      ],
      rows: claims,
    },
    {
      name: "限额与起付线",
      columns: [
        { header: "期间", key: "period", width: 26 }, { header: "类别", key: "category", width: 16 }, { header: "项目", key: "item", width: 36 },
        money("amount", "额度"), money("used", "已用"), money("left", "剩余"),
      ],
      rows: limits,
    },
    {
      name: "计算过程",
      columns: [
        { header: "结算日期", key: "date", width: 12 }, { header: "结算流水号", key: "externalId", width: 20 }, { header: "保障", key: "tier", width: 10 },
        { header: "规则", key: "rule", width: 80 }, { header: "计算", key: "arithmetic", width: 50 }, money("amount", "金额"),
      ],
      rows: traces,
    },
  ];
}

export async function exportClaimsYear(ctx: UseCaseContext, personId: string, year: string | undefined): Promise<{ fileName: string; body: Buffer }> {
  const y = await readClaimsYear(ctx, personId, year);
  const about = {
    name: "人员",
    columns: [{ header: "项目", key: "item", width: 12 }, { header: "内容", key: "value", width: 40 }],
    rows: [
      { item: "姓名", value: y.person.name },
      { item: "身份证号", value: y.person.idNumberMasked },
      { item: "户籍所在地", value: y.person.place },
      { item: "年度", value: String(y.year) },
      { item: "医疗救助合计", value: y.totals.assistance },
      { item: "倾斜救助合计", value: y.totals.tilted },
    ],
  };
  const body = await auditedXlsx(ctx, [...sheets(y), about], { action: "claims.export", objectType: "person", objectId: y.person.id, detail: { year: y.year } });
  return { fileName: `结算记录-${y.year}.xlsx`, body };
}
