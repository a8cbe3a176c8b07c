import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { checkChar } from "@/lib/id-number/id-number";
import type { RosterDepartment } from "@/lib/departments/departments";

// Synthetic monthly lists: `total` rows over four departments, people numbered
// so that about one in ten appears on two departments' lists (the conflicts
// consolidation resolves). Valid IDs, demo villages, Chinese headers.
//
// Month 1 sends everyone as 新增. Month 2 is the steady state: the same
// people again as 在册, one in a hundred of them as 减少, and one new person
// per hundred as 新增 (numbered past everyone of month 1).

const SHARE: Record<RosterDepartment, number> = { civil_affairs: 0.45, rural_revitalization: 0.35, veterans: 0.05, disability: 0.15 };
const OFFSET: Record<RosterDepartment, number> = { civil_affairs: 0, rural_revitalization: 0.40, veterans: 0.80, disability: 0.84 };
const CATS: Record<RosterDepartment, string[]> = {
  civil_affairs: ["低保对象", "特困人员", "低保边缘家庭成员", "因病致贫重病患者"],
  rural_revitalization: ["返贫致贫人口", "防止返贫监测帮扶对象", "脱贫不稳定户", "边缘易致贫户"],
  veterans: ["在乡重点优抚对象"],
  disability: ["城乡重度残疾人员"],
};
const SURNAMES = "李王张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华";

export function personId(n: number): string {
  const day = new Date(Date.UTC(1940, 0, 1) + (n % 27_000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, "");
  // Address code 430599, not the demo county's 430524: the bench database holds the
  // demo's 3,000 residents, and a list naming one of them under another name is refused.
  const first17 = `430599${day}${String(Math.floor(n / 27_000) % 1000).padStart(3, "0")}`;
  return first17 + checkChar(first17);
}

export type RosterMonth = 1 | 2;

export async function writeDepartmentFile(
  path: string,
  department: RosterDepartment,
  total: number,
  villages: readonly string[],
  month: RosterMonth = 1,
  /** The year of the rows' 认定日期 (Jan–Sep of it): before the imported month. */
  certifiedIn = 2026,
): Promise<number> {
  const rows = Math.round(total * SHARE[department]);
  const offset = Math.floor(OFFSET[department] * total);
  const cats = CATS[department];
  const line = (n: number, change: string) =>
    `${personId(n)},${SURNAMES[n % 20]}${GIVEN[(n >> 3) % 20]},${cats[n % cats.length]},${change},${villages[n % villages.length]},${certifiedIn}-0${1 + (n % 9)}-1${n % 10},\n`;
  const out = createWriteStream(path);
  out.write("身份证号,姓名,类别,变动,区划代码,认定日期,备注\n");
  let buf = "";
  let written = 0;
  const push = async (text: string) => {
    buf += text;
    written++;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, "drain");
      buf = "";
    }
  };
  for (let i = 0; i < rows; i++) {
    const n = offset + i; // civil_affairs and rural_revitalization overlap on [0.40, 0.45) of the people
    await push(line(n, month === 1 ? "新增" : i % 100 === 50 ? "减少" : "在册"));
  }
  if (month === 2) {
    // New people past everyone of month 1 (n < 2·total there), a block per department.
    const first = 2 * total + offset;
    for (let i = 0; i < Math.round(rows / 100); i++) await push(line(first + i, "新增"));
  }
  out.end(buf);
  await once(out, "finish");
  return written;
}
