import { seededRandom } from "./random";

// The demo county: 湖南省 邵阳市 隆回县 (430524), whose city policy (邵阳
// shaoyang-2021, seed 003) is the demo's active policy. Township names are the
// county's real towns; the codes follow the statistical code's pattern
// (镇 1xx; 社区 0xx and 村 2xx below them) but are illustrative, and village
// names are generated: this is demo data, not a register.

export type DemoDivision = { code: string; name: string; level: "province" | "city" | "county" | "township" | "village"; parentCode: string | null };

export const DEMO_PROVINCE = "430000000000";
export const DEMO_CITY = "430500000000";
export const DEMO_COUNTY = "430524000000";

export const DEMO_TOWNSHIPS: readonly { code: string; name: string }[] = [
  { code: "430524100000", name: "桃洪镇" },
  { code: "430524101000", name: "小沙江镇" },
  { code: "430524102000", name: "金石桥镇" },
  { code: "430524103000", name: "司门前镇" },
  { code: "430524104000", name: "高平镇" },
  { code: "430524105000", name: "六都寨镇" },
  { code: "430524106000", name: "荷香桥镇" },
  { code: "430524107000", name: "横板桥镇" },
  { code: "430524108000", name: "周旺镇" },
  { code: "430524109000", name: "滩头镇" },
];

const FIRST = "石桥塘冲湾坪田溪岭竹枫杨新和平安富兴华光明东南西北中龙凤金青云水花松柏茶".split("");
const SECOND = "山坪冲塘湾田溪岭林桥源口坳垅头坡洲岗园".split("");

export function demoDivisions(): DemoDivision[] {
  const rnd = seededRandom(20260101);
  const list: DemoDivision[] = [
    { code: DEMO_PROVINCE, name: "湖南省", level: "province", parentCode: null },
    { code: DEMO_CITY, name: "邵阳市", level: "city", parentCode: DEMO_PROVINCE },
    { code: DEMO_COUNTY, name: "隆回县", level: "county", parentCode: DEMO_CITY },
  ];
  for (const t of DEMO_TOWNSHIPS) {
    list.push({ code: t.code, name: t.name, level: "township", parentCode: DEMO_COUNTY });
    const used = new Set<string>();
    const prefix = t.code.slice(0, 9);
    const townStem = t.name.replace(/镇$/, "");
    list.push({ code: `${prefix}001`, name: `${townStem}社区`, level: "village", parentCode: t.code });
    for (let v = 1; v <= 14; v++) {
      let name: string;
      do name = `${rnd.pick(FIRST)}${rnd.pick(SECOND)}村`;
      while (used.has(name));
      used.add(name);
      list.push({ code: `${prefix}${String(200 + v)}`, name, level: "village", parentCode: t.code });
    }
  }
  return list;
}
