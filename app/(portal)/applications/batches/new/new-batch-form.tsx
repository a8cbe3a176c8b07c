"use client";

import { useActionState, useState } from "react";
import { Table, Td, Th } from "@/components/ui/table";
import type { ActionResult } from "@/lib/http/action-result";

type Row = { key: string; caseNo: string; name: string; approvedAmount: string; approvedOn: string | null; dueOn: string | null; urgent: boolean; bankName: string | null; accountMasked: string | null };

// Amounts are summed in whole cents (integers), never as floating yuan.
function cents(amount: string): number {
  const [yuan, fen = ""] = amount.split(".");
  return Number(yuan) * 100 + Number(fen.padEnd(2, "0").slice(0, 2));
}
function yuan(total: number): string {
  return `${Math.floor(total / 100).toLocaleString("zh-CN")}.${String(total % 100).padStart(2, "0")}`;
}

/** The approved cases with checkboxes and the running count and total of what is ticked. */
export function NewBatchForm({ rows, action }: { rows: Row[]; action: (prev: ActionResult, form: FormData) => Promise<ActionResult> }) {
  const [state, formAction, pending] = useActionState(action, null);
  const [picked, setPicked] = useState<Set<string>>(() => new Set(rows.map((r) => r.key)));
  const chosen = rows.filter((r) => picked.has(r.key));
  const total = chosen.reduce((s, r) => s + cents(r.approvedAmount), 0);
  const toggle = (key: string) => setPicked((p) => { const n = new Set(p); if (n.has(key)) n.delete(key); else n.add(key); return n; });
  return (
    <form action={formAction} className="space-y-4" data-testid="new-batch-form">
      <Table testId="payable-table">
        <thead>
          <tr>
            <Th><input type="checkbox" aria-label="全选" checked={chosen.length === rows.length} onChange={(e) => setPicked(e.target.checked ? new Set(rows.map((r) => r.key)) : new Set())} /></Th>
            <Th>申请编号</Th><Th>申请人</Th><Th>支付期限</Th><Th>开户行 / 账号</Th><Th className="text-right">核定金额（元）</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-testid="payable-row" className={r.urgent ? "bg-red-50" : undefined}>
              <Td><input type="checkbox" name="cases" value={r.key} checked={picked.has(r.key)} onChange={() => toggle(r.key)} aria-label={`选择 ${r.caseNo}`} /></Td>
              <Td className="whitespace-nowrap font-mono">{r.caseNo}{r.urgent ? <span className="ml-2 rounded bg-red-600 px-1.5 py-0.5 font-sans text-xs text-white">特事特办</span> : null}</Td>
              <Td className="whitespace-nowrap">{r.name}</Td>
              <Td className="whitespace-nowrap">{r.dueOn ?? ""}<span className="block text-xs text-slate-500">{r.approvedOn ? `${r.approvedOn} 审批` : ""}</span></Td>
              <Td className="whitespace-nowrap">{r.bankName ?? <span className="text-red-700">未登记</span>}<span className="block font-mono text-xs text-slate-600">{r.accountMasked ?? ""}</span></Td>
              <Td className="whitespace-nowrap text-right tabular-nums">{r.approvedAmount}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <div className="flex flex-wrap items-center gap-4 rounded border border-slate-200 bg-white p-3">
        <p className="text-sm" data-testid="batch-total">已选 <strong>{chosen.length}</strong> 笔，合计 <strong className="tabular-nums">{yuan(total)}</strong> 元</p>
        <button type="submit" disabled={pending || chosen.length === 0} className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? "正在编制…" : "编制支付批次"}
        </button>
        {state && !state.ok ? <p role="alert" className="basis-full text-sm text-red-700">{state.message}</p> : null}
      </div>
    </form>
  );
}
