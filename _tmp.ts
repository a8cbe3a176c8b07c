import { describePolicy } from "@/lib/policy/describe-policy";
import { getPreset, PRESET_IDS } from "@/lib/policy/preset-registry";
for (const id of PRESET_IDS) { console.log("=====", id); for (const s of describePolicy(getPreset(id)!)) { console.log("##", s.title); for (const l of s.lines) console.log("  ", l); } }
