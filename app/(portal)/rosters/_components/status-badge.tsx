import type { ConsolidationStatus, SubmissionStatus } from "@/lib/rosters/domain/board-status";

const TONE: Record<SubmissionStatus | ConsolidationStatus, string> = {
  on_time: "bg-emerald-50 text-emerald-800 border-emerald-200",
  done: "bg-emerald-50 text-emerald-800 border-emerald-200",
  sent: "bg-emerald-50 text-emerald-800 border-emerald-200",
  late: "bg-amber-50 text-amber-800 border-amber-200",
  done_late: "bg-amber-50 text-amber-800 border-amber-200",
  missing: "bg-red-50 text-red-700 border-red-200",
  overdue: "bg-red-50 text-red-700 border-red-200",
  pending: "bg-slate-50 text-slate-600 border-slate-200",
  unknown: "bg-slate-50 text-slate-600 border-slate-200",
};

/** A status as text and colour; the text carries the meaning (colour alone is not enough). */
export function StatusBadge({ status, name }: { status: SubmissionStatus | ConsolidationStatus; name: string }) {
  return (
    <span data-status={status} className={`inline-block rounded border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONE[status]}`}>
      {name}
    </span>
  );
}
