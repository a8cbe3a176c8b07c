import { z } from "zod";
import { subsidyRulesSchema } from "@/lib/subsidy/rules";
import { assistanceSchema, limitPoolSchema } from "./assistance";
import { basicInsuranceSchema } from "./basic-insurance";
import { coverageTargetSchema } from "./coverage-target";
import { criticalIllnessSchema } from "./critical-illness";
import { monitoringRuleSchema } from "./monitoring";
import { parameterDefinitionSchema, yearlyParameterSchema } from "./parameters";
import { categoryListSchema, categorySchema, dateSchema, ruleIdSchema } from "./primitives";
import { checkPolicyReferences } from "./policy-references";
import { sourceSchema } from "./source";
import { specialFoodSchema } from "./special-food";
import { tiltedRuleSchema } from "./tilted-assistance";

// One version of one region's policy: everything the engine, the subsidy
// split and the admin page need, each value with its source. Stored as JSON
// (db, later) and validated by this schema on every read and write.

export const policyRecordSchema = z
  .strictObject({
    /** Stable id of the policy line, e.g. "pengshui-2023"; versions share it. */
    id: ruleIdSchema,
    version: z.number({ error: "版本号须为正整数" }).int({ error: "版本号须为正整数" }).min(1, { error: "版本号须为正整数" }),
    name: z.string({ error: "须写政策名称" }).min(1, { error: "须写政策名称" }),
    region: z.strictObject({
      name: z.string().min(1, { error: "须写地区名称" }),
      level: z.enum(["county", "city", "province"], { error: "地区级别须为 county、city 或 province" }),
    }),
    /** The seed document's file name (shared/seeds/…). */
    document: z.string({ error: "须写文件名" }).min(1, { error: "须写文件名" }),
    /** 文号, e.g. "彭水府办发〔2023〕52号". */
    documentNumber: z.string().min(1, { error: "须写文号" }),
    effectiveFrom: dateSchema,
    /** Last day in force, inclusive; null = until replaced. */
    effectiveTo: dateSchema.nullable(),
    effectiveSource: sourceSchema,
    /** Benefit ranking, highest first; categories in one tier tie (broken by the earlier certification). */
    ranking: z.array(z.array(categorySchema).min(1, { error: "排序的每一档至少一个类别" })).min(1, { error: "须给出类别排序" }),
    /** Categories the policy covers; a person of another category is refused. */
    categories: categoryListSchema,
    subsidy: subsidyRulesSchema,
    basicInsurance: basicInsuranceSchema,
    /** null: the document sets no critical-illness figures; claims must carry criticalPaid. */
    criticalIllness: criticalIllnessSchema.nullable(),
    limitPools: z.array(limitPoolSchema),
    assistance: assistanceSchema,
    tiltedAssistance: z.array(tiltedRuleSchema),
    specialFood: specialFoodSchema.nullable(),
    monitoring: z.array(monitoringRuleSchema),
    /** Enrolment target of the assisted population (stats coverage); records stored before it existed read as null. */
    coverageTarget: coverageTargetSchema.nullable().default(null),
    parameters: z.strictObject({
      definitions: z.array(parameterDefinitionSchema),
      values: z.array(yearlyParameterSchema),
    }),
  })
  .superRefine(checkPolicyReferences);

export type PolicyRecord = z.infer<typeof policyRecordSchema>;
/** What a preset or an administrator writes (defaults not yet filled). */
export type PolicyRecordInput = z.input<typeof policyRecordSchema>;
