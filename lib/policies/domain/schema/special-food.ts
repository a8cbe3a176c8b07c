import { z } from "zod";
import { amountSchema, categoryListSchema, ratioPercentSchema } from "./primitives";
import { sourceSchema } from "./source";

// 苯丙酮尿症 (PKU) special treatment food, 004 §二(二)3 五: 18 岁及以下 ≥ 75 %,
// 1.5 万 a year; 18 岁以上 70 %, 1.2 万 a year. Age is counted in completed years
// on the claim date; a band holds ages ≤ maxAge (null = every older age).

const bandSchema = z.strictObject({
  maxAge: z.number({ error: "maxAge 须为整数或 null" }).int({ error: "maxAge 须为整数" }).min(0).nullable(),
  ratioPercent: ratioPercentSchema,
  annualLimit: amountSchema,
});

export const specialFoodSchema = z
  .strictObject({
    kind: z.literal("pku", { error: "目前只支持 pku（苯丙酮尿症特殊食品）" }),
    name: z.string().min(1, { error: "须写名称" }),
    categories: categoryListSchema,
    bands: z.array(bandSchema).min(1, { error: "至少一个年龄段" }),
    source: sourceSchema,
  })
  .superRefine((food, ctx) => {
    food.bands.forEach((band, i) => {
      const last = i === food.bands.length - 1;
      if (last !== (band.maxAge === null)) {
        ctx.addIssue({ code: "custom", path: ["bands", i, "maxAge"], message: "只有最后一个年龄段的 maxAge 为 null" });
      }
      const prev = food.bands[i - 1]?.maxAge;
      if (prev !== undefined && prev !== null && band.maxAge !== null && band.maxAge <= prev) {
        ctx.addIssue({ code: "custom", path: ["bands", i, "maxAge"], message: "年龄段须按 maxAge 递增" });
      }
    });
  });
export type SpecialFood = z.infer<typeof specialFoodSchema>;
