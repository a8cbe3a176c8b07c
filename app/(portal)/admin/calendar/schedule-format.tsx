/** The JSON format, field by field, with the shipped schedule as a downloadable template. */
export function ScheduleFormat({ template }: { template: { year: number; json: string } }) {
  return (
    <details className="rounded border border-slate-200 bg-slate-50 px-4 py-2 text-sm">
      <summary className="cursor-pointer text-brand-600">格式说明与示例</summary>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700">
        <li><code>year</code>：年份数字，如 2027。</li>
        <li><code>holidays</code>：节日数组，每项 <code>{"{ \"name\": 节日名称, \"days\": [放假日期…] }"}</code>，列出通知中放假的每一天。</li>
        <li><code>makeupWorkdays</code>：调休上班日期数组，只能是星期六或星期日；没有时写 <code>[]</code>。</li>
        <li><code>source</code>：来源，国务院办公厅通知的标题、文号或发布日期。</li>
        <li>日期一律写成 <code>YYYY-MM-DD</code>，须在该年内；元旦放假调休可含上一年12月25日至31日。引号、逗号、括号须用英文半角。</li>
      </ul>
      <p className="mt-2">
        示例（系统内置的 {template.year} 年安排）：
        <a
          className="ml-2 text-brand-600 hover:underline"
          download={`holidays-${template.year}.json`}
          href={`data:application/json;charset=utf-8,${encodeURIComponent(template.json)}`}
        >
          下载为模板（holidays-{template.year}.json）
        </a>
      </p>
      <pre className="mt-2 max-h-64 overflow-auto rounded bg-white p-3 font-mono text-xs" data-testid="schedule-example">{template.json}</pre>
    </details>
  );
}
