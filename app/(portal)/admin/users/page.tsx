import Link from "next/link";
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { ROLE_NAMES } from "@/lib/auth/domain/roles";
import { requireContext } from "@/lib/auth/current-actor";
import { DEPARTMENT_NAMES } from "@/lib/departments/departments";
import { loadForPage } from "@/lib/http/page-errors";
import { listUsers } from "@/lib/users/list-users";

export const metadata: Metadata = { title: "用户管理" };

export default async function UsersPage() {
  const ctx = await requireContext();
  const result = await loadForPage(() => listUsers(ctx));
  if (!result.ok) return <p>{result.error.message}</p>;
  return (
    <>
      <PageHeader
        title="用户管理"
        description="创建账号，调整部门、角色和管辖区划，停用账号或重置密码。调整权限或停用后，该用户立即退出登录。"
        actions={<Link href="/admin/users/new" className="rounded bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700">新建用户</Link>}
      />
      <Table testId="users-table">
        <thead>
          <tr><Th>用户名</Th><Th>姓名</Th><Th>部门</Th><Th>角色</Th><Th>管辖区划</Th><Th>状态</Th></tr>
        </thead>
        <tbody>
          {result.data.map((u) => (
            <tr key={u.id}>
              <Td><Link className="text-brand-600 hover:underline" href={`/admin/users/${u.id}`}>{u.username}</Link></Td>
              <Td>{u.displayName}</Td>
              <Td>{DEPARTMENT_NAMES[u.department]}</Td>
              <Td>{ROLE_NAMES[u.role]}</Td>
              <Td className="font-mono">{u.jurisdiction}</Td>
              <Td>{u.status === "active" ? "正常" : <span className="text-red-700">已停用</span>}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
