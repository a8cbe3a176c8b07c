import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { API_TOKEN_ACTION_INFO, API_TOKEN_ACTIONS, isApiTokenAction } from "@/lib/api-tokens/domain/token-actions";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { issueTokenAction, revokeTokenAction } from "./actions";
import { IssueTokenForm } from "./issue-form";
import { RevokeButton } from "./revoke-button";

export const metadata: Metadata = { title: "接口令牌" };

const time = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" });
const when = (d: Date | null) => (d ? time.format(d) : "—");

export default async function ApiTokensPage() {
  const ctx = await requireContext();
  const result = await loadForPage(() => listApiTokens(ctx));
  if (!result.ok) return <Notice tone="error">{result.error.message}</Notice>;
  const { tokens, accounts } = result.data;
  return (
    <>
      <PageHeader
        title="接口令牌"
        description="为医院等外部系统签发调用 /api/v1 接口的令牌。令牌只在签发时显示一次，系统只保存其摘要；签发、吊销和每次调用都记入审计日志。"
      />
      <div className="space-y-6">
        <div className="max-w-2xl">
          <IssueTokenForm
            action={issueTokenAction}
            accounts={accounts}
            actions={API_TOKEN_ACTIONS.map((a) => ({ value: a, ...API_TOKEN_ACTION_INFO[a] }))}
          />
        </div>
        <Table testId="token-list">
          <thead>
            <tr><Th>用途</Th><Th>前缀</Th><Th>代表账号</Th><Th>可调用</Th><Th>签发时间</Th><Th>最近使用</Th><Th>状态</Th><Th /></tr>
          </thead>
          <tbody>
            {tokens.length === 0 ? (
              <tr><Td className="text-slate-500">尚未签发令牌</Td></tr>
            ) : tokens.map((t) => (
              <tr key={t.id} data-prefix={t.prefix}>
                <Td>{t.name}</Td>
                <Td className="font-mono whitespace-nowrap">{t.prefix}…</Td>
                <Td>{t.accountName}（{t.accountUsername}）{t.accountStatus === "disabled" ? <span className="text-red-700">（已停用）</span> : null}</Td>
                <Td>{t.actions.map((a) => (isApiTokenAction(a) ? API_TOKEN_ACTION_INFO[a].label : a)).join("、")}</Td>
                <Td className="whitespace-nowrap">{when(t.createdAt)}</Td>
                <Td className="whitespace-nowrap">{when(t.lastUsedAt)}</Td>
                <Td>{t.revokedAt ? <span className="text-slate-500">已吊销（{when(t.revokedAt)}）</span> : <span className="text-emerald-700">有效</span>}</Td>
                <Td className="whitespace-nowrap">{t.revokedAt ? null : <RevokeButton action={revokeTokenAction.bind(null, t.id)} prefix={t.prefix} />}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </>
  );
}
