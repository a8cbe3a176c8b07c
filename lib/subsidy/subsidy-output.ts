import { formatAmount } from "@/lib/money/money";
import type { SubsidyResult } from "./compute-subsidy";
import type { FundingSource } from "./rules";

// The response of `subsidy FILE` and of the HTTP API, exactly as the contract
// shows it: money as two-place decimal strings. `rule` stays out of the wire
// JSON because the contract's output has only these three keys.

export type SubsidyOutput = {
  subsidy: string;
  personal: string;
  funding: { source: FundingSource | "personal"; amount: string }[];
};

export function toSubsidyOutput(result: SubsidyResult): SubsidyOutput {
  return {
    subsidy: formatAmount(result.subsidy),
    personal: formatAmount(result.personal),
    funding: result.funding.map((f) => ({ source: f.source, amount: formatAmount(f.amount) })),
  };
}
