import { checkChar } from "@/lib/id-number/id-number";
import { seededRandom } from "./random";

// Synthetic residents with valid-looking ID numbers (correct check
// characters, birth place 430524) and generated names. They are not real
// people: the sequence numbers are drawn at random and the names combined
// from common characters.

export type DemoPerson = { idNumber: string; name: string; sex: "male" | "female"; birthDate: string; divisionCode: string };

const SURNAMES = "李王张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董曾彭肖蒋袁邓".split("").concat(["欧阳", "司马"]);
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华慧建国平红春兰桂梅金玉德福生文海林志荣".split("");

export function demoPeople(villageCodes: readonly string[], count: number, seed = 430524): DemoPerson[] {
  const rnd = seededRandom(seed);
  const seen = new Set<string>();
  const out: DemoPerson[] = [];
  while (out.length < count) {
    const year = rnd.int(1938, 2016);
    const month = rnd.int(1, 12);
    const day = rnd.int(1, 28);
    const seq = rnd.int(1, 999);
    const first17 = `430524${year}${pad(month)}${pad(day)}${String(seq).padStart(3, "0")}`;
    const idNumber = first17 + checkChar(first17);
    if (seen.has(idNumber)) continue;
    seen.add(idNumber);
    const given = rnd.next() < 0.35 ? rnd.pick(GIVEN) : rnd.pick(GIVEN) + rnd.pick(GIVEN);
    out.push({
      idNumber,
      name: rnd.pick(SURNAMES) + given,
      sex: seq % 2 === 1 ? "male" : "female",
      birthDate: `${year}-${pad(month)}-${pad(day)}`,
      divisionCode: villageCodes[out.length % villageCodes.length]!,
    });
  }
  return out;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
