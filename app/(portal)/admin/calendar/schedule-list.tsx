import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import type { HolidayScheduleListItem } from "@/lib/calendar/list-holiday-schedules";

const time = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" });

/** The loaded years with the version in force, where it comes from and who loaded it. */
export function ScheduleList({ years, selected }: { years: HolidayScheduleListItem[]; selected: number | null }) {
  if (years.length === 0) return <p className="text-sm text-slate-500">尚未导入任何年度的节假日安排。</p>;
  return (
    <Table testId="schedule-list">
      <thead>
        <tr><Th>年度</Th><Th>现行版本</Th><Th>来源</Th><Th>放假</Th><Th>调休上班</Th><Th>导入</Th><Th></Th></tr>
      </thead>
      <tbody>
        {years.map((y) => (
          <tr key={y.year} data-year={y.year} className={y.year === selected ? "bg-brand-50" : undefined}>
            <Td className="font-medium">
              {y.year}年
              {y.provisionalNotice ? <span data-testid="schedule-provisional" className="ml-1 rounded bg-amber-100 px-1.5 text-xs text-amber-900" title={y.provisionalNotice}>暂定</span> : null}
            </Td>
            <Td>第 {y.version} 版</Td>
            <Td className="max-w-md">
              {y.source}
              {/* The seed's note only repeats "系统内置"; an administrator's note says why they loaded it. */}
              {y.note && y.loadedBy ? <span className="block text-xs text-slate-500">说明：{y.note}</span> : null}
            </Td>
            <Td>{y.holidayDays} 天</Td>
            <Td>{y.makeupDays} 天</Td>
            <Td className="whitespace-nowrap text-slate-600">
              {y.loadedBy ?? "系统内置"}
              <span className="block text-xs">{time.format(y.loadedAt)}</span>
            </Td>
            <Td className="whitespace-nowrap">
              <Link className="text-brand-600 hover:underline" href={`/admin/calendar?year=${y.year}`}>查看年历</Link>
              <a
                className="ml-3 text-brand-600 hover:underline"
                download={`holidays-${y.year}.json`}
                href={`data:application/json;charset=utf-8,${encodeURIComponent(y.json)}`}
              >
                下载 JSON
              </a>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
