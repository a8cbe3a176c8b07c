import type { Sheet } from "@/lib/export/domain/sheet";
import type { SimulationReport } from "../simulation-run";
import { SOURCE_LABELS, TIER_LABELS } from "./simulation-labels";
import { SIM_TIERS, SUBSIDY_SOURCES, type Comparison } from "./simulation-tally";

// 政策测算's workbook: one sheet per table of the page. Amounts stay the
// exact two-decimal strings (元) the tally produced.

const money = (header: string, key: string) => ({ header, key, width: 16 });

function tierRows(c: Comparison) {
  return SIM_TIERS.map((t) => ({ item: TIER_LABELS[t], current: c.current[t], draft: c.draft[t], diff: c.diff[t] }));
}

export function simulationSheets(r: SimulationReport): Sheet[] {
  const s = r.summary;
  const breakdown = (rows: typeof s.byCategory, header: string) =>
    rows.map((b) => ({
      name: b.name,
      claims: b.claims,
      ...Object.fromEntries(SIM_TIERS.flatMap((t) => [[`${t}Current`, b.current[t]], [`${t}Draft`, b.draft[t]], [`${t}Diff`, b.diff[t]]])),
      header,
    }));
  const breakdownColumns = (first: string) => [
    { header: first, key: "name", width: 18 },
    { header: "结算笔数", key: "claims", width: 10 },
    ...SIM_TIERS.flatMap((t) => [money(`${TIER_LABELS[t]}（现行）`, `${t}Current`), money(`${TIER_LABELS[t]}（草案）`, `${t}Draft`), money(`${TIER_LABELS[t]}（差额）`, `${t}Diff`)]),
  ];
  return [
    {
      name: "汇总",
      columns: [{ header: "项目", key: "item", width: 28 }, money("现行（元）", "current"), money("草案（元）", "draft"), money("差额（元）", "diff")],
      rows: [
        { item: `政策：${r.policy.name}（${r.policy.policyId} 第 ${r.policy.version} 版，草案）`, current: null, draft: null, diff: null },
        { item: `测算期间：${r.period.from} 至 ${r.period.to}；人数 ${s.people}，结算笔数 ${s.claims}`, current: null, draft: null, diff: null },
        ...tierRows(s.totals),
        { item: "医疗救助资金支出（医疗救助＋倾斜救助）", current: s.fund.current, draft: s.fund.draft, diff: s.fund.diff },
        { item: `个人自付增加 ${s.paying.more} 人，减少 ${s.paying.less} 人，不变 ${s.paying.same} 人`, current: null, draft: null, diff: null },
        ...SUBSIDY_SOURCES.map((k) => ({ item: `资助参保：${SOURCE_LABELS[k]}`, current: s.subsidy.current[k], draft: s.subsidy.draft[k], diff: s.subsidy.diff[k] })),
        ...(s.problems.personYears > 0 ? [{ item: `未纳入测算：${s.problems.personYears} 人年、${s.problems.claims} 笔（无法结算）`, current: null, draft: null, diff: null }] : []),
      ],
    },
    { name: "按类别", columns: breakdownColumns("救助对象类别"), rows: breakdown(s.byCategory, "") },
    { name: "按乡镇", columns: breakdownColumns("乡镇（街道）"), rows: breakdown(s.byTownship, "") },
    {
      name: "变化最大",
      columns: [
        { header: "姓名", key: "name", width: 10 },
        { header: "身份证号", key: "idNumber", width: 22 },
        { header: "乡镇（街道）", key: "township", width: 14 },
        { header: "笔数", key: "claims", width: 8 },
        money("救助资金（现行）", "fundCurrent"),
        money("救助资金（草案）", "fundDraft"),
        money("个人自付（现行）", "selfCurrent"),
        money("个人自付（草案）", "selfDraft"),
        money("个人自付变化", "change"),
        { header: "变化原因", key: "reasons", width: 60 },
      ],
      rows: s.largest.map((p) => ({
        name: p.name,
        idNumber: p.idNumber,
        township: p.townshipName,
        claims: p.claims,
        fundCurrent: p.current.fund,
        fundDraft: p.draft.fund,
        selfCurrent: p.current.selfPaid,
        selfDraft: p.draft.selfPaid,
        change: p.selfPaidChange,
        reasons: p.reasons.join("；"),
      })),
    },
    { name: "变化原因", columns: [{ header: "原因", key: "text", width: 70 }, { header: "涉及笔数", key: "claims", width: 10 }], rows: s.reasons },
  ];
}
