import bcrypt from "bcryptjs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";
import { isPredictable, passwordChangeDue, passwordMaxAgeDays, passwordProblem, passwordProblems, PASSWORD_MAX_BYTES, utf8Bytes } from "./password-policy";

const clerk = { username: "yibao.clerk", displayName: "周晓梅" };

describe("password policy", () => {
  it("refuses the passwords the security review found accepted, as well-known", () => {
    for (const p of ["Portal#2026", "Password123!", "Qwerty123456", "P@ssw0rd2024!", "Admin@123456", "Woaini1314!!", "1qaz@WSX3edc", "Abcdefgh123!", "Zhangsan@2024", "Yiliao#Jiuzhu1"]) {
      expect(isPredictable(p), p).toBe(true);
      expect(passwordProblem(p, clerk), p).toMatch(/过于常见或有规律|至少 10 位/);
    }
  });

  it("accepts passwords with enough that nothing predicts", () => {
    for (const p of ["Xk9#mP2qLw", "Gaoping#2026x", "Lh@Demo-4827", "correct Horse battery 7", "Tiger-Moon-88x", "春眠不觉晓处处闻Ab1"]) {
      expect(passwordProblem(p, clerk), p).toBeNull();
    }
  });

  it("names each rule that fails, in Chinese", () => {
    expect(passwordProblems("Ab1#", clerk)).toEqual(["密码至少 10 位（现为 4 位）"]);
    expect(passwordProblems("xk9mp2qlwz", clerk)).toEqual(["密码须包含大写字母、小写字母、数字、符号中的至少三类（缺少：大写字母、符号）"]);
    expect(passwordProblems("Yibao.Clerk#7x", clerk)).toEqual(["密码不能包含用户名"]);
    expect(passwordProblems("Yibao#Xk9mP2", clerk)).toEqual(["密码不能包含用户名中的“yibao”"]);
    expect(passwordProblems("周晓梅#Xk9mP2q", clerk)).toEqual(["密码不能包含本人姓名"]);
    expect(passwordProblems("Id430524199001010016x", clerk)).toEqual(["密码不能包含身份证号码"]);
    expect(passwordProblems("A" + "汉".repeat(24) + "1b", clerk)[0]).toBe("密码不能超过 72 字节（现为 75 字节，一个汉字占 3 字节）：超出部分不参与校验，请缩短");
  });

  it("refuses at creation exactly the passwords bcrypt would truncate (over 72 UTF-8 bytes)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 10, maxLength: 60 }), (s) => {
        const tooLong = utf8Bytes(s) > PASSWORD_MAX_BYTES;
        const refused = passwordProblems(s, clerk).some((m) => m.includes("72 字节"));
        // bcryptjs's own test of truncation agrees with ours.
        return refused === tooLong && bcrypt.truncates(s) === tooLong;
      }),
      { numRuns: 2000 },
    );
  });

  it("signs in with neither a different tail after byte 72 nor an over-long password", async () => {
    const head = "Ab1#" + "é".repeat(34); // 4 + 68 = 72 bytes
    expect(utf8Bytes(head)).toBe(72);
    const hash = await bcrypt.hash(head + "tail-one", 4); // a hash made before the limit, as bcrypt saw it
    expect(await bcrypt.compare(head + "tail-two", hash)).toBe(true); // what bcrypt alone does
    expect(await verifyPassword(head + "tail-two", hash)).toBe(false);
    expect(await verifyPassword(head, hash)).toBe(true);
    await expect(hashPassword(head + "x")).rejects.toThrow();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }), async (tail) => !(await verifyPassword(head + tail, hash))),
      { numRuns: 30 },
    );
  });

  it("makes a change due after PASSWORD_MAX_AGE_DAYS, or at once when an administrator set the password", () => {
    const now = new Date("2026-12-07T00:00:00Z");
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    expect(passwordMaxAgeDays({})).toBe(90);
    expect(passwordMaxAgeDays({ PASSWORD_MAX_AGE_DAYS: "30" })).toBe(30);
    expect(() => passwordMaxAgeDays({ PASSWORD_MAX_AGE_DAYS: "zero" })).toThrow(/PASSWORD_MAX_AGE_DAYS/);
    expect(passwordChangeDue({ mustChangePassword: false, passwordChangedAt: daysAgo(89) }, now, 90)).toBeNull();
    expect(passwordChangeDue({ mustChangePassword: false, passwordChangedAt: daysAgo(90) }, now, 90)).toBe("expired");
    expect(passwordChangeDue({ mustChangePassword: true, passwordChangedAt: now }, now, 90)).toBe("initial");
  });
});
