import { STATUS_NAMES } from "@/lib/policies/domain/policy-input";

const STYLES = {
  draft: "bg-amber-50 text-amber-800 border-amber-200",
  active: "bg-emerald-50 text-emerald-800 border-emerald-200",
  retired: "bg-slate-100 text-slate-600 border-slate-200",
} as const;

export function StatusBadge({ status }: { status: keyof typeof STATUS_NAMES }) {
  return <span className={`inline-block rounded border px-2 py-0.5 text-xs whitespace-nowrap ${STYLES[status]}`}>{STATUS_NAMES[status]}</span>;
}
