export function Table({ children, testId }: { children: React.ReactNode; testId?: string }) {
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table data-testid={testId} className="min-w-full divide-y divide-slate-200 text-sm">
        {children}
      </table>
    </div>
  );
}

export function Th({ children, className = "" }: { children?: React.ReactNode; className?: string }) {
  return <th className={`bg-slate-50 px-3 py-2 text-left font-medium whitespace-nowrap text-slate-600 ${className}`}>{children}</th>;
}

export function Td({ children, className = "" }: { children?: React.ReactNode; className?: string }) {
  return <td className={`border-t border-slate-100 px-3 py-2 align-top ${className}`}>{children}</td>;
}
