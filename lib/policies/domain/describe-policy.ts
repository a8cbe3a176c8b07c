import { CATEGORY_INFO } from "@/lib/categories/categories";
import { criticalLines } from "./describe-critical";
import { assistanceLines, basicLines, cited, foodLines, plain, subsidyLines, tiltedLines, type DescribedLine } from "./describe-sections";
import { documentName } from "./documents";
import type { PolicyRecord } from "./schema/policy-record";
import type { Source } from "./schema/source";
import { categoriesText, pct, sourceRef, yuan } from "./rule-text";

// A policy as readable Chinese sections for the admin page, for people who
// do not read JSON. Pure: the page renders `title` as a heading and each line
// as a paragraph.

export type PolicySection = { title: string; lines: DescribedLine[] };

const LEVELS = { county: "县级", city: "市级", province: "省级" } as const;

function coverageTargetLine(p: PolicyRecord): DescribedLine {
  const t = p.coverageTarget;
  return t ? cited(`救助对象参保率目标：不低于 ${t.percent}%`, t.source) : plain("救助对象参保率目标：文件未设定");
}

function monitoringLines(p: PolicyRecord): DescribedLine[] {
  if (p.monitoring.length === 0) return [plain("未配置监测预警规则")];
  return p.monitoring.map((r) => {
    const label = p.parameters.definitions.find((d) => d.name === r.parameter)?.label ?? r.parameter;
    const figure = r.figure === "afterThreeTiers" ? "经基本医保、大病保险和医疗救助后" : "经基本医保、大病保险后";
    const cmp = r.comparison === "gte" ? "达到" : "超过";
    const scope = r.includeOutOfScope ? "（含目录外费用）" : "政策范围内";
    return cited(`${r.name}（${categoriesText(r.categories)}）：年度${scope}${figure}个人自付${cmp}${label}的 ${pct(r.factorPercent)} 时纳入监测预警`, r.source);
  });
}

/** Each year's value labelled by the year it applies to (a prior-year income of 2021 is 2022's parameter). */
function parameterLines(p: PolicyRecord): DescribedLine[] {
  if (p.parameters.definitions.length === 0) return [plain("本政策不引用年度参数")];
  return p.parameters.definitions.flatMap((d) => {
    const values = p.parameters.values.filter((v) => v.name === d.name).sort((a, b) => a.year - b.year);
    if (values.length === 0) return [plain(`${d.label}：未配置数值，试算或结算时须另行提供`)];
    return values.map((v) => {
      const measured = d.name === "priorYearIncome" ? `（即 ${v.year - 1} 年的数值）` : "";
      return cited(`${v.year} 年度适用：${d.label} ${yuan(v.value)} 元${measured}`, v.source);
    });
  });
}

/** Every source the document leaves open, with the default chosen and why. */
export function defaultedSources(p: PolicyRecord): Source[] {
  const out: Source[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") {
      const o = value as Record<string, unknown>;
      if (typeof o.doc === "string" && typeof o.paragraph === "string") {
        if (o.defaulted === true) out.push(o as Source);
        return;
      }
      Object.values(o).forEach(walk);
    }
  };
  walk(p);
  return out;
}

function defaultedLines(p: PolicyRecord): DescribedLine[] {
  const seen = new Set<string>();
  const lines: DescribedLine[] = [];
  for (const s of defaultedSources(p)) {
    const key = `${sourceRef(s)}：${s.note ?? ""}`;
    if (!seen.has(key)) lines.push(cited(s.note ?? "", s));
    seen.add(key);
  }
  return lines.length > 0 ? lines : [plain("无")];
}

export function describePolicy(p: PolicyRecord): PolicySection[] {
  const ranking = p.ranking.map((tier) => tier.map((c) => CATEGORY_INFO[c].name).join(" = ")).join(" > ");
  const sections: PolicySection[] = [
    {
      title: "基本信息",
      lines: [
        plain(`${p.name}（${p.documentNumber}），第 ${p.version} 版`),
        plain(`地区：${p.region.name}（${LEVELS[p.region.level]}）；依据文件：${documentName(p.effectiveSource.doc)}`),
        cited(`有效期：${p.effectiveFrom} 起${p.effectiveTo === null ? "，至新版本替代" : `，至 ${p.effectiveTo} 止`}`, p.effectiveSource),
      ],
    },
    {
      title: "救助对象类别",
      lines: [
        plain(`本政策覆盖：${categoriesText(p.categories)}`),
        plain(`待遇就高排序（一人只确定一个类别，同档按认定时间先后）：${ranking}`),
      ],
    },
    { title: "资助参保", lines: [...subsidyLines(p), coverageTargetLine(p)] },
    { title: "基本医保", lines: basicLines(p) },
    { title: "大病保险", lines: criticalLines(p) },
    { title: "医疗救助", lines: assistanceLines(p) },
    { title: "倾斜救助与再救助", lines: tiltedLines(p) },
  ];
  const food = foodLines(p);
  if (food.length > 0) sections.push({ title: "特殊疾病救助", lines: food });
  sections.push(
    { title: "监测预警", lines: monitoringLines(p) },
    { title: "年度参数", lines: parameterLines(p) },
    { title: "文件未明确、采用默认值的项目", lines: defaultedLines(p) },
  );
  return sections;
}
