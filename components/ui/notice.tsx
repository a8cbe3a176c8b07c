export function Notice({ tone = "info", children, testId }: { tone?: "info" | "warning" | "error" | "success"; children: React.ReactNode; testId?: string }) {
  const styles = {
    info: "bg-brand-50 text-brand-800 border-brand-100",
    warning: "bg-amber-50 text-amber-900 border-amber-300",
    error: "bg-red-50 text-red-700 border-red-200",
    success: "bg-emerald-50 text-emerald-800 border-emerald-200",
  }[tone];
  return (
    <div data-testid={testId} role="status" className={`mb-4 rounded border px-4 py-3 text-sm ${styles}`}>
      {children}
    </div>
  );
}
