import { chengkou2022 } from "./presets/chengkou-2022";
import { deepFreeze } from "./deep-freeze";
import { jining2023 } from "./presets/jining-2023";
import { pengshui2023 } from "./presets/pengshui-2023";
import { shandong2019 } from "./presets/shandong-2019";
import { shaoyang2021 } from "./presets/shaoyang-2021";
import { policyRecordSchema, type PolicyRecord } from "./schema/policy-record";

// The five seed presets (docs/cli.md "Policy presets"). Parsed
// once at load, so a preset that breaks the schema fails every test at once.

export const PRESET_IDS = ["chengkou-2022", "pengshui-2023", "jining-2023", "shaoyang-2021", "shandong-2019"] as const;
export type PresetId = (typeof PRESET_IDS)[number];

const load = (input: unknown): PolicyRecord => deepFreeze(policyRecordSchema.parse(input));

const PRESETS: Record<PresetId, PolicyRecord> = {
  "chengkou-2022": load(chengkou2022),
  "pengshui-2023": load(pengshui2023),
  "jining-2023": load(jining2023),
  "shaoyang-2021": load(shaoyang2021),
  "shandong-2019": load(shandong2019),
};

export function isPresetId(id: string): id is PresetId {
  return (PRESET_IDS as readonly string[]).includes(id);
}

/** The preset with this id, or undefined. Callers that edit it should copy it first (structuredClone). */
export function getPreset(id: string): PolicyRecord | undefined {
  return isPresetId(id) ? PRESETS[id] : undefined;
}
